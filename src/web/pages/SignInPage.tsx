import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffSession } from '../../shared/accounts.ts';
import { useApi } from '../api/context.ts';
import { ApiError } from '../api/client.ts';
import { ActivateForm } from '../components/ActivateForm.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { RecoverForm } from '../components/RecoverForm.tsx';
import { TotpCodeField } from '../components/TotpCodeField.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useTotpStep } from '../hooks/useTotpStep.ts';

/**
 * Username and password; then, for a user with two-factor sign-in, the code from their authenticator app (asked
 * for only when the server says so). "Forgot your password?" opens the recovery form. On success the app shows
 * the page the URL names.
 */
interface Props {
  /** Why the previous session ended by itself (idle, its cap, sign-out elsewhere), or null. */
  expired: string | null;
  onSignedIn: (session: StaffSession) => void;
}

export function SignInPage({ expired, onSignedIn }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { codeRef, code, setCode, needCode, setNeedCode, askForCode } = useTotpStep();
  const [recovering, setRecovering] = useState(false);
  const [activating, setActivating] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(t(recovering ? 'signIn.recoverHeading' : activating ? 'signIn.activateHeading' : 'signIn.heading'));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) return setError(t('signIn.enterCredentials'));
    if (needCode && !code.trim()) {
      setError(t('signIn.enterCode'));
      return codeRef.current?.focus();
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signIn(username.trim(), password, needCode ? code : undefined));
    } catch (failure) {
      setBusy(false);
      const asked = askForCode(failure);
      if (asked) {
        // The password was right: keep it, and ask for the code.
        setError(asked === 'totp_required' ? null : (failure as ApiError).message);
        return;
      }
      const failureId = failure instanceof ApiError ? failure.id : '';
      if (failureId === 'password_reset' || failureId === 'too_many_attempts') setError((failure as ApiError).message);
      else if (failure instanceof ApiError && failure.status === 401) setError(t('signIn.wrongCredentials'));
      else setError(failure instanceof ApiError ? failure.message : t('signIn.failed'));
      setNeedCode(false);
      setCode('');
      setPassword('');
      passwordRef.current?.focus();
    }
  }

  if (activating)
    return (
      <div className="sign-in">
        <h1>{t('signIn.activateHeading')}</h1>
        <ActivateForm
          initialUsername={username}
          onSignedIn={onSignedIn}
          onCancel={(typed) => {
            setUsername(typed);
            setActivating(false);
            setError(null);
          }}
        />
      </div>
    );

  if (recovering)
    return (
      <div className="sign-in">
        <h1>{t('signIn.recoverHeading')}</h1>
        <RecoverForm
          initialUsername={username}
          onSignedIn={onSignedIn}
          onCancel={(typed) => {
            setUsername(typed);
            setRecovering(false);
            setError(null);
          }}
        />
      </div>
    );

  return (
    <div className="sign-in">
      <h1>{t('signIn.heading')}</h1>
      {expired ? <p className="notice notice--info">{expired}</p> : null}
      <form onSubmit={handleSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-username`}>{t('signIn.username')}</label>
          <input
            id={`${id}-username`}
            name="username"
            autoComplete="username"
            autoFocus
            required
            maxLength={200}
            value={username}
            onChange={(e) => {
              setUsername(e.target.value);
              setNeedCode(false);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            id={`${id}-password`}
            ref={passwordRef}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={1000}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {needCode ? <TotpCodeField ref={codeRef} value={code} onChange={setCode} hint={t('signIn.codeHint')} /> : null}
        <ErrorMessage message={error} />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setRecovering(true);
            setError(null);
          }}
        >
          {t('signIn.recoverLink')}
        </button>
      </p>
      <p>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setActivating(true);
            setError(null);
          }}
        >
          {t('signIn.activateLink')}
        </button>
      </p>
    </div>
  );
}
