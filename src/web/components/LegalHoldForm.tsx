import { useId, useRef, useState, type FormEvent } from 'react';
import type { RetentionView } from '../../shared/retention.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';

interface Props {
  caseId: string;
  held: boolean;
  /** Called with the case's retention after the hold was set or lifted. */
  onChanged: (view: RetentionView) => void;
}

const MISSING = 'Give the reason for the legal hold.';

/**
 * Sets a legal hold (the case is kept past its retention: litigation, an inquiry, a court order) or lifts it; both
 * need a reason, kept in the case history. Shown to the managers of the case only.
 */
export function LegalHoldForm({ caseId, held, onChanged }: Props) {
  const api = useApi();
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() === '') {
      refuse(MISSING);
      reasonRef.current?.focus();
      return;
    }
    await run(
      async () => {
        const view = held
          ? await api.liftLegalHold(caseId, reason.trim())
          : await api.setLegalHold(caseId, reason.trim());
        setReason('');
        onChanged(view);
        return view.legalHold
          ? 'Legal hold set: the case will not be destroyed while it stands.'
          : 'Legal hold lifted: the case is destroyed when its retention ends, after a new reminder.';
      },
      held ? 'The legal hold could not be lifted. Try again.' : 'The legal hold could not be set. Try again.',
    );
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label="Legal hold" noValidate>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{held ? 'Reason to lift the hold' : 'Reason for the legal hold'}</label>
        <textarea
          id={`${id}-reason`}
          ref={reasonRef}
          rows={2}
          maxLength={4_000}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${id}-hint`}
          aria-invalid={error === MISSING ? true : undefined}
        />
        <p id={`${id}-hint`} className="hint">
          Required. Kept in the case history; for example the court order or inquiry that needs the records.
        </p>
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {held ? 'Lift legal hold' : 'Set legal hold'}
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
