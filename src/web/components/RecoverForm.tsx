import { useId, useState, type FormEvent } from 'react';
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
    if (!username.trim() || !recoveryKey.trim()) return setError('Enter your username and your recovery key.');
    const problem = newPasswordProblem(newPassword, repeat);
    if (problem) return setError(problem);
    if (needCode && !code.trim()) return setError('Enter the 6-digit code from your authenticator app.');
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
      else setError(failure instanceof ApiError ? failure.message : 'That did not work. Try again.');
    }
  }

  return (
    <form onSubmit={handleSubmit} noValidate aria-label="Choose a new password with your recovery key">
      <p>
        Your recovery key was shown to you once, when you activated your account: 32 letters and digits in groups of
        four. It restores your access, and the cases granted to you stay open to you. Your other sessions end.
      </p>
      <UsernameSecretFields
        id={id}
        username={username}
        onUsernameChange={setUsername}
        secrets={[
          {
            label: 'Recovery key',
            value: recoveryKey,
            onChange: setRecoveryKey,
            hint: 'For example ABCD 1234 EFGH 5678 … — spaces and capitals do not matter.',
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
        <TotpCodeField
          ref={codeRef}
          value={code}
          onChange={setCode}
          hint="Your account uses two-factor sign-in. Enter the code your authenticator app shows for Confide. Lost your phone? Ask an administrator to turn two-factor sign-in off for you."
        />
      ) : null}
      <ErrorMessage message={error} />
      <button type="submit" className="button" aria-disabled={busy}>
        Set the new password and sign in
      </button>{' '}
      <button type="button" className="button button--secondary" onClick={() => onCancel(username)}>
        Back to sign-in
      </button>
    </form>
  );
}
