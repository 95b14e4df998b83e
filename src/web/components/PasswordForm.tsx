import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';

const MIN_PASSWORD = 12;

/**
 * Changes the signed-in user's password. The private key is re-wrapped under the new one, so every case stays
 * open; the user's other sessions end. The recovery key does not change.
 */
export function PasswordForm() {
  const api = useApi();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!current) return refuse('Enter your current password.');
    if ([...next].length < MIN_PASSWORD) return refuse(`The new password needs at least ${MIN_PASSWORD} characters.`);
    if (next !== repeat) return refuse('The two new passwords are not the same. Type them again.');
    await run(async () => {
      await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      return 'Your password is changed. You stay signed in here; your other sessions have ended.';
    }, 'The password could not be changed. Try again.');
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label="Change password" noValidate>
      <div className="field">
        <label htmlFor={`${id}-current`}>Current password</label>
        <input
          id={`${id}-current`}
          type="password"
          autoComplete="current-password"
          maxLength={1000}
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-new`}>New password</label>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          maxLength={1000}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          aria-describedby={`${id}-new-hint`}
        />
        <p id={`${id}-new-hint`} className="hint">
          At least {MIN_PASSWORD} characters. A few unrelated words make a good one.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>New password again</label>
        <input
          id={`${id}-repeat`}
          type="password"
          autoComplete="new-password"
          maxLength={1000}
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
        />
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        Change password
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
