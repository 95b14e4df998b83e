import { useId, useState, type FormEvent } from 'react';
import {
  MAX_PROTECTION_NOTE,
  PROTECTION_OUTCOME_LABELS,
  PROTECTION_OUTCOMES,
  type ProtectionList,
  type ProtectionOutcome,
} from '../../shared/protection.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';

interface Props {
  caseId: string;
  requestId: string;
  onAnswered: (list: ProtectionList) => void;
}

/**
 * Records what was done about a protection request. The reporter reads the outcome in plain words on their
 * follow-up page; the note stays with staff (sealed under the case key).
 */
export function ProtectionResponseForm({ caseId, requestId, onAnswered }: Props) {
  const api = useApi();
  const id = useId();
  const [outcome, setOutcome] = useState<ProtectionOutcome | ''>('');
  const [note, setNote] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (outcome === '') return refuse('Choose what was done about the request.');
    await run(async () => {
      const list = await api.respondToProtection(caseId, requestId, {
        outcome,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onAnswered(list);
      return `Response recorded: ${PROTECTION_OUTCOME_LABELS[outcome]}.`;
    }, 'The response could not be recorded. Try again.');
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label="Respond to the protection request" noValidate>
      <div className="field">
        <label htmlFor={`${id}-outcome`}>What was done</label>
        <select
          id={`${id}-outcome`}
          value={outcome}
          required
          onChange={(e) => setOutcome(e.target.value as ProtectionOutcome | '')}
          aria-describedby={`${id}-outcome-hint`}
        >
          <option value="">Choose an outcome</option>
          {PROTECTION_OUTCOMES.map((value) => (
            <option key={value} value={value}>
              {PROTECTION_OUTCOME_LABELS[value]}
            </option>
          ))}
        </select>
        <p id={`${id}-outcome-hint`} className="hint">
          The reporter is shown the outcome in plain words on their follow-up page.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note for staff</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={MAX_PROTECTION_NOTE}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby={`${id}-note-hint`}
        />
        <p id={`${id}-note-hint`} className="hint">
          Optional. Measures taken, who was contacted. Never shown to the reporter; to tell them more, send a message.
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        Record response
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
