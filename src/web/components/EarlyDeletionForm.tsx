import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { FormFeedback } from './FormFeedback.tsx';

interface Props {
  caseId: string;
  reference: string;
  /** The viewer's approved early_deletion request. */
  requestId: string;
  /** Called once the case is gone. */
  onDeleted: () => void;
}

const UNCONFIRMED = 'Tick the box to confirm that the case is to be destroyed.';

/** Destroys the case now under an approved request, after the person confirms what that means. */
export function EarlyDeletionForm({ caseId, reference, requestId, onDeleted }: Props) {
  const api = useApi();
  const id = useId();
  const [confirmed, setConfirmed] = useState(false);
  const { busy, error, notice, run, refuse } = useSubmit();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!confirmed) return refuse(UNCONFIRMED);
    const done = await run(async () => {
      await api.deleteCase(caseId, requestId);
      return `Case ${reference} was destroyed.`;
    }, 'The case could not be deleted. Try again.');
    if (done) onDeleted();
  }

  return (
    <form className="case-form" onSubmit={handleSubmit} aria-label="Delete the case now" noValidate>
      <p id={`${id}-what`}>
        Your request to delete this case before its retention ends was approved. Deleting destroys the report, its
        files, messages and history, and every key that opens them. It cannot be undone.
      </p>
      <div className="field field--checkbox">
        <label>
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
            aria-describedby={`${id}-what`}
            aria-invalid={error === UNCONFIRMED ? true : undefined}
          />
          I understand that case {reference} will be destroyed for good
        </label>
      </div>
      <button type="submit" className="button button--danger" aria-disabled={busy}>
        Delete this case now
      </button>
      <FormFeedback error={error} notice={notice} />
    </form>
  );
}
