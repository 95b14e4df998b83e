import { useId, useRef, useState, type FormEvent } from 'react';
import { MAX_TRANSCRIPT_TEXT, type TranscriptKind, type TranscriptView } from '../../shared/transcripts.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';
import { useTranslation } from 'react-i18next';

/**
 * Writes down a later call or meeting with the reporter: minutes or a transcript, and an audio recording only when
 * the person agreed to be recorded (EU 2019/1937 Art. 18). The reporter then checks, corrects and confirms it on
 * their follow-up page. What was typed stays when the server refuses.
 */
export function MinutesForm({ caseId, onAdded }: { caseId: string; onAdded: (t: TranscriptView) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<TranscriptKind>('minutes');
  const [text, setText] = useState('');
  const [consent, setConsent] = useState(false);
  const [recording, setRecording] = useState<File | null>(null);
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) return refuse(t('minutesForm.missingText'));
    if (recording && !consent) return refuse(t('minutesForm.noConsent'));
    await run(async () => {
      const saved = await api.addMinutes(
        caseId,
        { kind, text: text.trim(), recordingConsent: consent },
        consent ? recording : null,
      );
      setText('');
      setConsent(false);
      setRecording(null);
      if (fileInput.current) fileInput.current.value = '';
      onAdded(saved);
      return t(saved.recording ? `minutesForm.savedWithRecording.${kind}` : `minutesForm.saved.${kind}`);
    }, t('minutesForm.failed'));
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label={t('minutesForm.label')} noValidate>
      <fieldset className="choice">
        <legend>{t('minutesForm.what')}</legend>
        {(['minutes', 'transcript'] as const).map((value) => (
          <label key={value} className="radio">
            <input type="radio" name={`${id}-kind`} checked={kind === value} onChange={() => setKind(value)} />
            {t(`transcriptList.kind.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('minutesForm.text')}</label>
        <textarea
          id={`${id}-text`}
          rows={8}
          maxLength={MAX_TRANSCRIPT_TEXT}
          value={text}
          dir="auto"
          required
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${id}-text-hint`}
        />
        <p id={`${id}-text-hint`} className="hint">
          {t('minutesForm.textHint')}
        </p>
      </div>
      <label className="radio">
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
        {t('minutesForm.consent')}
      </label>
      {consent ? (
        <div className="field">
          <label htmlFor={`${id}-recording`}>{t('minutesForm.recording')}</label>
          <input
            id={`${id}-recording`}
            ref={fileInput}
            type="file"
            accept="audio/*"
            onChange={(e) => setRecording(e.target.files?.[0] ?? null)}
            aria-describedby={`${id}-recording-hint`}
          />
          <p id={`${id}-recording-hint`} className="hint">
            {t('minutesForm.recordingHint')}
          </p>
        </div>
      ) : null}
      <FormFeedback error={error} notice={notice} />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('minutesForm.submit')}
      </button>
    </form>
  );
}
