import { useId, useRef, useState, type FormEvent } from 'react';
import type { SessionResponse } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { ApiError } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

/** Username and password; on success the app shows the page the URL names. */
interface Props {
  /** The previous session ended by itself (expiry, sign-out elsewhere). */
  expired: boolean;
  onSignedIn: (session: SessionResponse) => void;
}

export function SignInPage({ expired, onSignedIn }: Props) {
  const api = useApi();
  const id = useId();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle('Sign in');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!username || !password) {
      setError('Enter your username and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signIn(username, password));
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiError && failure.status === 401) setError('Wrong username or password.');
      else setError(failure instanceof ApiError ? failure.message : 'Signing in failed. Try again.');
      if (passwordRef.current) {
        passwordRef.current.value = '';
        passwordRef.current.focus();
      }
    }
  }

  return (
    <div className="sign-in">
      <h1>Sign in</h1>
      {expired ? <p className="notice notice--info">Your session has ended. Sign in again to continue.</p> : null}
      <form onSubmit={handleSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-username`}>Username</label>
          <input id={`${id}-username`} name="username" autoComplete="username" autoFocus required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            ref={passwordRef}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={1000}
          />
        </div>
        <ErrorMessage message={error} />
        <button type="submit" className="button" aria-disabled={busy}>
          Sign in
        </button>
      </form>
    </div>
  );
}
