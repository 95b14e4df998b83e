import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSession } from '../../shared/accounts.ts';
import { useApi } from '../api/context.ts';
import { ApiError } from '../api/client.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { NewPasswordFields, newPasswordProblem } from './NewPasswordFields.tsx';
import { RecoveryKeyNotice } from './RecoveryKeyNotice.tsx';
import { UsernameSecretFields } from './UsernameSecretFields.tsx';

interface Props {
  initialUsername: string;
  onSignedIn: (session: StaffSession) => void;
  /** Back to sign-in, keeping the username typed here. */
  onCancel: (username: string) => void;
}

/**
 * A new staff member activates the account an administrator created: username, the two invitation codes handed over
 * in person — one by the administrator who created the account, one by the administrator who approved it — and a
 * password of their own. Their keys are made then, and their recovery key is shown to them once before they go on,
 * signed in. Nothing typed is lost on a refusal.
 */
export function ActivateForm({ initialUsername, onSignedIn, onCancel }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [username, setUsername] = useState(initialUsername);
  const [invitation, setInvitation] = useState('');
  const [approval, setApproval] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<(StaffSession & { recoveryKey: string }) | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !invitation.trim() || !approval.trim()) return setError(t('activateForm.enterAll'));
    const problem = newPasswordProblem(newPassword, repeat);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      setDone(await api.activateAccount({ username: username.trim(), invitation, approval, newPassword }));
    } catch (failure) {
      setBusy(false);
      setError(failure instanceof ApiError ? failure.message : t('activateForm.failed'));
    }
  }

  if (done) {
    const { recoveryKey, ...session } = done;
    return <RecoveryKeyNotice recoveryKey={recoveryKey} onDone={() => onSignedIn(session)} />;
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label={t('activateForm.label')}>
      <p>{t('activateForm.intro')}</p>
      <UsernameSecretFields
        id={id}
        username={username}
        onUsernameChange={setUsername}
        secrets={[
          {
            label: t('activateForm.firstCode'),
            value: invitation,
            onChange: setInvitation,
            hint: t('activateForm.firstCodeHint'),
          },
          {
            label: t('activateForm.secondCode'),
            value: approval,
            onChange: setApproval,
            hint: t('activateForm.secondCodeHint'),
          },
        ]}
      />
      <NewPasswordFields
        password={newPassword}
        repeat={repeat}
        onPasswordChange={setNewPassword}
        onRepeatChange={setRepeat}
      />
      <ErrorMessage message={error} />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('activateForm.submit')}
      </button>{' '}
      <button type="button" className="button button--secondary" onClick={() => onCancel(username)}>
        {t('activateForm.back')}
      </button>
    </form>
  );
}
