import { useId, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';

interface Props {
  caseId: string;
  urgent: boolean;
  /** Called with the new urgency and next deadline (an urgent case has a shorter response time). */
  onChanged: (change: { urgent: boolean; dueAt: string | null }) => void;
}

/** Marks the case urgent (threat to life, reporter in danger) or not; either change needs a reason. */
export function UrgencyForm({ caseId, urgent, onChanged }: Props) {
  const api = useApi();
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();
  const missingReason = error === 'Give a reason for the change.';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() === '') {
      refuse('Give a reason for the change.');
      reasonRef.current?.focus();
      return;
    }
    await run(async () => {
      const result = await api.setUrgent(caseId, { urgent: !urgent, reason: reason.trim() });
      setReason('');
      onChanged(result);
      return result.urgent ? 'The case is marked urgent.' : 'The case is no longer marked urgent.';
    }, 'The urgency could not be changed. Try again.');
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label="Urgency" noValidate>
      <p>
        {urgent
          ? 'This case is marked urgent: it is due within the urgent response time.'
          : 'Mark the case urgent when someone’s life or safety, or the reporter’s, is under threat.'}
      </p>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Urgency reason</label>
        <textarea
          id={`${id}-reason`}
          ref={reasonRef}
          rows={2}
          maxLength={2_000}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${id}-hint`}
          aria-invalid={missingReason ? true : undefined}
        />
        <p id={`${id}-hint`} className="hint">
          Required. Kept in the case history.
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {urgent ? 'Mark not urgent' : 'Mark urgent'}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
