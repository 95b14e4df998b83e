import { useState, type FormEvent } from 'react';
import type { TotpEnrolment, TotpState } from '../../shared/accounts.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { TotpCodeField } from './TotpCodeField.tsx';

interface Props {
  totp: TotpState;
  onChanged: (totp: TotpState) => void;
}

/** The base32 secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Two-factor sign-in: set it up (scan the QR code or type the key into an authenticator app, then enter the first
 * code), or turn it off with a current code. The QR code comes from this server; nothing goes to a third party.
 */
export function TotpSection({ totp, onChanged }: Props) {
  const api = useApi();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  // A new QR image address each time set-up restarts, so the browser never shows an earlier code.
  const [attempt, setAttempt] = useState(0);
  const [code, setCode] = useState('');
  // The last success, kept here because the section changes view (off ↔ on) when it happens.
  const [notice, setNotice] = useState('');
  const start = useSubmit();
  const confirm = useSubmit();
  const turnOff = useSubmit();

  async function begin() {
    await start.run(async () => {
      setEnrolment(await api.startTotp());
      setAttempt((n) => n + 1);
      setCode('');
      setNotice('');
      return '';
    }, 'Two-factor sign-in could not be set up. Try again.');
  }

  async function handleConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!code.trim()) return confirm.refuse('Enter the 6-digit code your authenticator app shows.');
    await confirm.run(async () => {
      const state = await api.confirmTotp(code);
      setEnrolment(null);
      setCode('');
      setNotice('Two-factor sign-in is on. From now on you sign in with your password and a code from the app.');
      onChanged(state);
      return '';
    }, 'The code could not be checked. Try again.');
  }

  async function handleTurnOff(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!code.trim()) return turnOff.refuse('Enter the 6-digit code your authenticator app shows now.');
    await turnOff.run(async () => {
      const state = await api.turnOffTotp(code);
      setCode('');
      setNotice(
        state.required
          ? 'Two-factor sign-in is off. Your role must use it: set it up again before you continue.'
          : 'Two-factor sign-in is off. You sign in with your password alone.',
      );
      onChanged(state);
      return '';
    }, 'Two-factor sign-in could not be turned off. Try again.');
  }

  if (totp.enabled)
    return (
      <>
        <p>
          Two-factor sign-in is <strong>on</strong>: you sign in with your password and a code from your authenticator
          app.
        </p>
        <form className="case-form" onSubmit={handleTurnOff} aria-label="Turn off two-factor sign-in" noValidate>
          <TotpCodeField
            value={code}
            onChange={setCode}
            hint={
              totp.required
                ? 'To move it to a new phone, turn it off here with a code from the old one, then set it up again. Your role must use it, so you will set it up again at once.'
                : 'To move it to a new phone, turn it off here with a code from the old one, then set it up again.'
            }
          />
          <button type="submit" className="button button--secondary" aria-disabled={turnOff.busy}>
            Turn off two-factor sign-in
          </button>
          <FormFeedback error={turnOff.error} notice={notice} />
        </form>
      </>
    );

  return (
    <>
      <p>
        Two-factor sign-in is <strong>off</strong>
        {totp.required ? ', and your role must use it' : ''}. With it on, signing in needs your password and a 6-digit
        code from an authenticator app on your phone (for example FreeOTP, Aegis or Google Authenticator), so a stolen
        password alone is not enough.
      </p>
      {enrolment ? (
        <>
          <ol className="steps">
            <li>
              <p>Scan this code with your authenticator app:</p>
              <img
                className="qr-code"
                src={`${enrolment.qrUrl}?v=${attempt}`}
                width={220}
                height={220}
                alt="QR code holding the key for your authenticator app"
              />
            </li>
            <li>
              <p>Or type this key into the app by hand (time-based, 6 digits, every 30 seconds):</p>
              <p>
                <code className="secret-key">{grouped(enrolment.secret)}</code>
              </p>
            </li>
            <li>
              <form className="case-form" onSubmit={handleConfirm} aria-label="Confirm two-factor sign-in" noValidate>
                <TotpCodeField
                  value={code}
                  onChange={setCode}
                  hint="Enter the code the app now shows for Confide, to check that the two agree."
                />
                <button type="submit" className="button" aria-disabled={confirm.busy}>
                  Turn on two-factor sign-in
                </button>
                <FormFeedback error={confirm.error} notice="" />
              </form>
            </li>
          </ol>
          <p>
            <button type="button" className="link-button" onClick={() => void begin()}>
              Start again with a new key
            </button>
          </p>
        </>
      ) : (
        <>
          <button type="button" className="button" onClick={() => void begin()} aria-disabled={start.busy}>
            {totp.pending ? 'Set up two-factor sign-in again' : 'Set up two-factor sign-in'}
          </button>
          <FormFeedback error={start.error} notice={notice} />
        </>
      )}
    </>
  );
}
