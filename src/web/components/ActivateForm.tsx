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
 * A new staff member activates the account an administrator created: username, the invitation code handed over in
 * person, and a password of their own. Their keys are made then, and their recovery key is shown to them once
 * before they go on, signed in. Nothing typed is lost on a refusal.
 */
export function ActivateForm({ initialUsername, onSignedIn, onCancel }: Props) {
  const api = useApi();
  const id = useId();
  const [username, setUsername] = useState(initialUsername);
  const [invitation, setInvitation] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<(StaffSession & { recoveryKey: string }) | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !invitation.trim()) return setError('Enter your username and your invitation code.');
    const problem = newPasswordProblem(newPassword, repeat);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      setDone(await api.activateAccount({ username: username.trim(), invitation, newPassword }));
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
        Your administrator gave you an invitation code: 32 letters and digits in groups of four. With it you choose your
        own password; nobody else ever knows it.
      </p>
      <UsernameSecretFields
        id={id}
        username={username}
        onUsernameChange={setUsername}
        secretLabel="Invitation code"
        secret={invitation}
        onSecretChange={setInvitation}
        hint="Spaces, dashes and capitals do not matter. It works once, for 72 hours."
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
