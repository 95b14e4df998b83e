import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSession } from '../../shared/accounts.ts';
import { useApi } from '../api/context.ts';
import { ApiError } from '../api/client.ts';
import { useTotpStep } from '../hooks/useTotpStep.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { NewPasswordFields, newPasswordProblem } from './NewPasswordFields.tsx';
import { TotpCodeField } from './TotpCodeField.tsx';
import { UsernameSecretFields } from './UsernameSecretFields.tsx';

interface Props {
  initialUsername: string;
  onSignedIn: (session: StaffSession) => void;
  /** Back to sign-in, keeping the username typed here. */
  onCancel: (username: string) => void;
}

/**
 * Lost password (or reset by an administrator): the recovery key shown once at activation restores access under
 * a new password, and every case granted to the user still opens. With two-factor sign-in on, the code is asked for
 * once the key is right. Nothing typed is lost on a refusal.
 */
export function RecoverForm({ initialUsername, onSignedIn, onCancel }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [username, setUsername] = useState(initialUsername);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { codeRef, code, setCode, needCode, askForCode } = useTotpStep();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !recoveryKey.trim()) return setError(t('recoverForm.enterKey'));
    const problem = newPasswordProblem(newPassword, repeat);
    if (problem) return setError(problem);
    if (needCode && !code.trim()) return setError(t('recoverForm.enterCode'));
    setBusy(true);
    setError(null);
    try {
      onSignedIn(
        await api.recoverAccount({
          username: username.trim(),
          recoveryKey,
          newPassword,
          ...(needCode ? { code } : {}),
        }),
      );
    } catch (failure) {
      setBusy(false);
      if (askForCode(failure) === 'totp_required') setError(null);
      else setError(failure instanceof ApiError ? failure.message : t('recoverForm.failed'));
    }
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={t('recoverForm.label')}>
      <p>{t('recoverForm.intro')}</p>
      <UsernameSecretFields
        id={id}
        username={username}
        onUsernameChange={setUsername}
        secrets={[
          {
            label: t('recoverForm.key'),
            value: recoveryKey,
            onChange: setRecoveryKey,
            hint: t('recoverForm.keyHint'),
          },
        ]}
      />
      <NewPasswordFields
        password={newPassword}
        repeat={repeat}
        onPasswordChange={setNewPassword}
        onRepeatChange={setRepeat}
      />
      {needCode ? (
        <TotpCodeField ref={codeRef} value={code} onChange={setCode} hint={t('recoverForm.codeHint')} />
      ) : null}
      <ErrorMessage message={error} />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('recoverForm.submit')}
      </button>{' '}
      <button type="button" className="button button--secondary" onClick={() => onCancel(username)}>
        {t('recoverForm.back')}
      </button>
    </form>
  );
}
