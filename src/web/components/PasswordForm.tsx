import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { NewPasswordFields, newPasswordProblem } from './NewPasswordFields.tsx';

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
    const problem = newPasswordProblem(next, repeat);
    if (problem) return refuse(problem);
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
      <NewPasswordFields password={next} repeat={repeat} onPasswordChange={setNext} onRepeatChange={setRepeat} />
      <button type="submit" className="button" aria-disabled={busy}>
        Change password
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
