import { useId, useState, type FormEvent } from 'react';
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
    if (!username.trim() || !invitation.trim() || !approval.trim())
      return setError('Enter your username and both invitation codes.');
    const problem = newPasswordProblem(newPassword, repeat);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      setDone(await api.activateAccount({ username: username.trim(), invitation, approval, newPassword }));
    } catch (failure) {
      setBusy(false);
      setError(failure instanceof ApiError ? failure.message : 'That did not work. Try again.');
    }
  }

  if (done) {
    const { recoveryKey, ...session } = done;
    return <RecoveryKeyNotice recoveryKey={recoveryKey} onDone={() => onSignedIn(session)} />;
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Activate your account">
      <p>
        Two administrators each gave you an invitation code in person: 32 letters and digits in groups of four. With
        both you choose your own password; nobody else ever knows it.
      </p>
      <UsernameSecretFields
        id={id}
        username={username}
        onUsernameChange={setUsername}
        secrets={[
          {
            label: 'First invitation code',
            value: invitation,
            onChange: setInvitation,
            hint: 'From the administrator who created your account. Spaces, dashes and capitals do not matter.',
          },
          {
            label: 'Second invitation code',
            value: approval,
            onChange: setApproval,
            hint: 'From the administrator who approved it. The codes work once, for 72 hours after the approval.',
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
        Activate and sign in
      </button>{' '}
      <button type="button" className="button button--secondary" onClick={() => onCancel(username)}>
        Back to sign-in
      </button>
    </form>
  );
}
