import { useId } from 'react';
import type { IntakeChannel } from '../../shared/intake.ts';
import { CONSENT_CHOICES, type IntakeForm } from '../lib/intake.ts';
import { useTranslation } from 'react-i18next';

interface Props {
  channel: IntakeChannel;
  facts: IntakeForm['facts'];
  errors: Record<string, string>;
  maxText: number;
  onChange: (facts: IntakeForm['facts']) => void;
  onFiles: (field: string, files: File[]) => void;
}

/** How the report came in: time received, how to contact back, recording consent, the referrer, minutes, scans. */
export function IntakeFacts({ channel, facts, errors, maxText, onChange, onFiles }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const oral = channel === 'phone' || channel === 'in_person';
  const set = (name: keyof IntakeForm['facts']) => (value: string) => onChange({ ...facts, [name]: value });
  const err = (name: string) => errors[`facts.${name}`];
  const errorLine = (name: string) => (err(name) ? <p className="field-error">{err(name)}</p> : null);

  const text = (name: keyof IntakeForm['facts'], label: string, hint?: string, long = false) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {long ? (
        <textarea
          id={`${id}-${name}`}
          rows={8}
          maxLength={maxText}
          value={facts[name]}
          dir="auto"
          aria-invalid={err(name) ? true : undefined}
          onChange={(e) => set(name)(e.target.value)}
        />
      ) : (
        <input
          id={`${id}-${name}`}
          autoComplete="off"
          maxLength={1000}
          value={facts[name]}
          dir="auto"
          aria-invalid={err(name) ? true : undefined}
          onChange={(e) => set(name)(e.target.value)}
        />
      )}
      {hint ? <p className="hint">{hint}</p> : null}
      {errorLine(name)}
    </div>
  );

  return (
    <section className="intake-section" aria-label={t('caseView.section.intake')}>
      <h2>{t('intakeFacts.heading', { n: 5 })}</h2>
      <div className="field">
        <label htmlFor={`${id}-received`}>{t('intakeFacts.received')}</label>
        <input
          id={`${id}-received`}
          type="datetime-local"
          value={facts.receivedAt}
          aria-invalid={err('receivedAt') ? true : undefined}
          onChange={(e) => set('receivedAt')(e.target.value)}
        />
        {errorLine('receivedAt')}
      </div>
      {channel === 'referral' ? (
        <>
          {text('referringAuthority', t('intakeFacts.referringAuthority'))}
          {text('referralReference', t('intakeFacts.referralReference'))}
        </>
      ) : null}
      {oral ? (
        <fieldset className="choice choice--column" aria-invalid={err('recordingConsent') ? true : undefined}>
          <legend>{channel === 'phone' ? t('intakeFacts.consentCall') : t('intakeFacts.consentMeeting')}</legend>
          {CONSENT_CHOICES.map((c) => (
            <label key={c.value} className="radio">
              <input
                type="radio"
                name={`${id}-consent`}
                value={c.value}
                checked={facts.recordingConsent === c.value}
                onChange={() => set('recordingConsent')(c.value)}
              />
              {t(`intakeFacts.consent.${c.value}`)}
            </label>
          ))}
          {errorLine('recordingConsent')}
        </fieldset>
      ) : null}
      {text('contactBack', t('intakeFacts.contactBack'), t('intakeFacts.contactBackHint'))}
      {oral ? text('minutes', t('intakeFacts.minutes'), undefined, true) : null}
      {channel === 'post' ? (
        <>
          {text('transcription', t('intakeFacts.transcription'), undefined, true)}
          <div className="field">
            <label htmlFor={`${id}-scans`}>{t('intakeFacts.scans')}</label>
            <input
              id={`${id}-scans`}
              type="file"
              multiple
              accept="application/pdf,image/*"
              onChange={(e) => onFiles('scans', [...(e.target.files ?? [])])}
            />
            <p className="hint">{t('intakeFacts.scansHint')}</p>
          </div>
        </>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-files`}>{t('intakeFacts.files')}</label>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            onChange={(e) => onFiles('files', [...(e.target.files ?? [])])}
          />
        </div>
      )}
    </section>
  );
}
