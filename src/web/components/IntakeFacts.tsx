import { useId } from 'react';
import type { IntakeChannel } from '../../shared/intake.ts';
import { CONSENT_CHOICES, type IntakeForm } from '../lib/intake.ts';

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
          aria-invalid={err(name) ? true : undefined}
          onChange={(e) => set(name)(e.target.value)}
        />
      ) : (
        <input
          id={`${id}-${name}`}
          autoComplete="off"
          maxLength={1000}
          value={facts[name]}
          aria-invalid={err(name) ? true : undefined}
          onChange={(e) => set(name)(e.target.value)}
        />
      )}
      {hint ? <p className="hint">{hint}</p> : null}
      {errorLine(name)}
    </div>
  );

  return (
    <section className="intake-section" aria-label="How the report came in">
      <h2>5. How the report came in</h2>
      <div className="field">
        <label htmlFor={`${id}-received`}>Date and time received</label>
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
          {text('referringAuthority', 'Which authority passed it on')}
          {text('referralReference', 'Their reference (optional)')}
        </>
      ) : null}
      {oral ? (
        <fieldset className="choice choice--column" aria-invalid={err('recordingConsent') ? true : undefined}>
          <legend>Did the person agree to the {channel === 'phone' ? 'call' : 'meeting'} being recorded?</legend>
          {CONSENT_CHOICES.map((c) => (
            <label key={c.value} className="radio">
              <input
                type="radio"
                name={`${id}-consent`}
                value={c.value}
                checked={facts.recordingConsent === c.value}
                onChange={() => set('recordingConsent')(c.value)}
              />
              {c.label}
            </label>
          ))}
          {errorLine('recordingConsent')}
        </fieldset>
      ) : null}
      {text(
        'contactBack',
        'How the person wants to be contacted back (optional)',
        'A phone number or an address identifies the person: it is sealed with the identity, for the identity custodians only.',
      )}
      {oral ? text('minutes', 'Minutes or transcript of the call or meeting (optional)', undefined, true) : null}
      {channel === 'post' ? (
        <>
          {text('transcription', 'Transcription of the letter (optional)', undefined, true)}
          <div className="field">
            <label htmlFor={`${id}-scans`}>Scanned pages (PDF or images)</label>
            <input
              id={`${id}-scans`}
              type="file"
              multiple
              accept="application/pdf,image/*"
              onChange={(e) => onFiles('scans', [...(e.target.files ?? [])])}
            />
            <p className="hint">Their metadata is removed like any uploaded file&apos;s.</p>
          </div>
        </>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-files`}>Other files (optional)</label>
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
