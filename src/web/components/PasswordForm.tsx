import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { NewPasswordFields, newPasswordProblem } from './NewPasswordFields.tsx';

/**
 * Changes the signed-in user's password. The private key is re-wrapped under the new one, so every case stays
 * open; the user's other sessions end. The recovery key does not change.
 */
export function PasswordForm() {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!current) return refuse(t('passwordForm.enterCurrent'));
    const problem = newPasswordProblem(next, repeat);
    if (problem) return refuse(problem);
    await run(async () => {
      await api.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      return t('passwordForm.changed');
    }, t('passwordForm.failed'));
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label={t('passwordForm.label')} noValidate>
      <div className="field">
        <label htmlFor={`${id}-current`}>{t('passwordForm.current')}</label>
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
        {t('passwordForm.submit')}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
