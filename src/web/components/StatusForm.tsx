import { useId, useState, type FormEvent } from 'react';
import { OUTCOMES, type CaseStatus, type Outcome } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { ApiError } from '../api/client.ts';
import { OUTCOME_LABELS, STATUS_LABELS } from '../lib/labels.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

interface Props {
  caseId: string;
  status: CaseStatus;
  allowedTransitions: CaseStatus[];
  /** Called after a change, and after a conflict, so the page shows the case as it now is. */
  onChanged: () => void;
}

/** Moves the case to one of the statuses the server allows next; closing it needs an outcome. */
export function StatusForm({ caseId, status, allowedTransitions, onChanged }: Props) {
  const api = useApi();
  const id = useId();
  const [target, setTarget] = useState<CaseStatus | ''>('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const choosable = allowedTransitions.includes(target as CaseStatus) ? target : '';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setNotice('');
    if (choosable === '') return setError('Choose the new status.');
    if (choosable === 'closed' && outcome === '') return setError('Choose an outcome to close the case.');
    setBusy(true);
    setError(null);
    try {
      const result = await api.changeStatus(caseId, {
        status: choosable,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(choosable === 'closed' && outcome ? { outcome } : {}),
      });
      setTarget('');
      setOutcome('');
      setReason('');
      setNotice(`Status changed to ${STATUS_LABELS[result.status]}.`);
      onChanged();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'The status could not be changed. Try again.');
      if (failure instanceof ApiError && failure.status === 409) onChanged();
    } finally {
      setBusy(false);
    }
  }

  if (allowedTransitions.length === 0) {
    return (
      <>
        <p className="muted">No status change is possible from {STATUS_LABELS[status]}.</p>
        <p role="status" className="notice">
          {notice}
        </p>
      </>
    );
  }

  return (
    <form className="status-form" onSubmit={handleSubmit} aria-label="Change status">
      <div className="field">
        <label htmlFor={`${id}-status`}>New status</label>
        <select
          id={`${id}-status`}
          value={choosable}
          required
          onChange={(e) => setTarget(e.target.value as CaseStatus | '')}
        >
          <option value="">Choose a status</option>
          {allowedTransitions.map((next) => (
            <option key={next} value={next}>
              {STATUS_LABELS[next]}
            </option>
          ))}
        </select>
      </div>
      {choosable === 'closed' ? (
        <div className="field">
          <label htmlFor={`${id}-outcome`}>Outcome</label>
          <select
            id={`${id}-outcome`}
            value={outcome}
            required
            onChange={(e) => setOutcome(e.target.value as Outcome | '')}
          >
            <option value="">Choose an outcome</option>
            {OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {OUTCOME_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          maxLength={2_000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${id}-reason-hint`}
        />
        <p id={`${id}-reason-hint`} className="hint">
          Optional. Kept with the case's record of the change.
        </p>
      </div>
      <ErrorMessage message={error} />
      <button type="submit" className="button" aria-disabled={busy}>
        Change status
      </button>
      <p role="status" className="notice">
        {notice}
      </p>
    </form>
  );
}
