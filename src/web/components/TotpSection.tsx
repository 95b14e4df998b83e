import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
    }, t('totpSection.setUpFailed'));
  }

  async function handleConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!code.trim()) return confirm.refuse(t('totpSection.enterCode'));
    await confirm.run(async () => {
      const state = await api.confirmTotp(code);
      setEnrolment(null);
      setCode('');
      setNotice(t('totpSection.nowOn'));
      onChanged(state);
      return '';
    }, t('totpSection.checkFailed'));
  }

  async function handleTurnOff(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!code.trim()) return turnOff.refuse(t('totpSection.enterCodeNow'));
    await turnOff.run(async () => {
      const state = await api.turnOffTotp(code);
      setCode('');
      setNotice(t(state.required ? 'totpSection.nowOffRequired' : 'totpSection.nowOff'));
      onChanged(state);
      return '';
    }, t('totpSection.turnOffFailed'));
  }

  if (totp.enabled)
    return (
      <>
        <p>{t('totpSection.on')}</p>
        <form className="case-form" onSubmit={handleTurnOff} aria-label={t('totpSection.turnOff')} noValidate>
          <TotpCodeField
            value={code}
            onChange={setCode}
            hint={t(totp.required ? 'totpSection.moveHintRequired' : 'totpSection.moveHint')}
          />
          <button type="submit" className="button button--secondary" aria-disabled={turnOff.busy}>
            {t('totpSection.turnOff')}
          </button>
          <FormFeedback error={turnOff.error} notice={notice} />
        </form>
      </>
    );

  return (
    <>
      <p>{t(totp.required ? 'totpSection.offRequired' : 'totpSection.off')}</p>
      {enrolment ? (
        <>
          <ol className="steps">
            <li>
              <p>{t('totpSection.scan')}</p>
              <img
                className="qr-code"
                src={`${enrolment.qrUrl}?v=${attempt}`}
                width={220}
                height={220}
                alt={t('totpSection.qrAlt')}
              />
            </li>
            <li>
              <p>{t('totpSection.keyByHand')}</p>
              <p>
                <code className="secret-key">{grouped(enrolment.secret)}</code>
              </p>
            </li>
            <li>
              <form
                className="case-form"
                onSubmit={handleConfirm}
                aria-label={t('totpSection.confirmLabel')}
                noValidate
              >
                <TotpCodeField value={code} onChange={setCode} hint={t('totpSection.confirmHint')} />
                <button type="submit" className="button" aria-disabled={confirm.busy}>
                  {t('totpSection.turnOn')}
                </button>
                <FormFeedback error={confirm.error} notice="" />
              </form>
            </li>
          </ol>
          <p>
            <button type="button" className="link-button" onClick={() => void begin()}>
              {t('totpSection.restart')}
            </button>
          </p>
        </>
      ) : (
        <>
          <button type="button" className="button" onClick={() => void begin()} aria-disabled={start.busy}>
            {t(totp.pending ? 'totpSection.again' : 'totpSection.setUp')}
          </button>
          <FormFeedback error={start.error} notice={notice} />
        </>
      )}
    </>
  );
}
