import { useId, useRef, useState, type FormEvent } from 'react';
import { MAX_TRANSCRIPT_TEXT, type TranscriptKind, type TranscriptView } from '../../shared/transcripts.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';

/**
 * Writes down a later call or meeting with the reporter: minutes or a transcript, and an audio recording only when
 * the person agreed to be recorded (EU 2019/1937 Art. 18). The reporter then checks, corrects and confirms it on
 * their follow-up page. What was typed stays when the server refuses.
 */
export function MinutesForm({ caseId, onAdded }: { caseId: string; onAdded: (t: TranscriptView) => void }) {
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
    if (!text.trim()) return refuse('Write the minutes or transcript of the conversation.');
    if (recording && !consent)
      return refuse(
        'A recording can be kept only when the person agreed to be recorded: tick the box, or remove the recording.',
      );
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
      return `${kind === 'minutes' ? 'Minutes' : 'Transcript'} saved${saved.recording ? ' with the recording' : ''}. The reporter can now check and confirm it on their follow-up page.`;
    }, 'The minutes could not be saved. Try again.');
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label="Add minutes of a call or meeting" noValidate>
      <fieldset className="choice">
        <legend>What is it?</legend>
        {(['minutes', 'transcript'] as const).map((value) => (
          <label key={value} className="radio">
            <input type="radio" name={`${id}-kind`} checked={kind === value} onChange={() => setKind(value)} />
            {value === 'minutes' ? 'Minutes of a meeting' : 'Transcript of a call'}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-text`}>What was said</label>
        <textarea
          id={`${id}-text`}
          rows={8}
          maxLength={MAX_TRANSCRIPT_TEXT}
          value={text}
          required
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${id}-text-hint`}
        />
        <p id={`${id}-text-hint`} className="hint">
          The date, who was there, and what the person said. The reporter reads this to check, correct and confirm it.
        </p>
      </div>
      <label className="radio">
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
        The person agreed to a recording
      </label>
      {consent ? (
        <div className="field">
          <label htmlFor={`${id}-recording`}>Audio recording (optional)</label>
          <input
            id={`${id}-recording`}
            ref={fileInput}
            type="file"
            accept="audio/*"
            onChange={(e) => setRecording(e.target.files?.[0] ?? null)}
            aria-describedby={`${id}-recording-hint`}
          />
          <p id={`${id}-recording-hint`} className="hint">
            Kept as received, sealed as evidence. Depending on the category’s policy it is deleted once the reporter
            confirms the record.
          </p>
        </div>
      ) : null}
      <FormFeedback error={error} notice={notice} />
      <button type="submit" className="button" aria-disabled={busy}>
        Save the minutes
      </button>
    </form>
  );
}
