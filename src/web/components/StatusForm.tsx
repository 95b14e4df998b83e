import { useId, useState, type FormEvent } from 'react';
import { OUTCOMES, type CaseStatus, type Outcome, type RiskLevel } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { ApiError } from '../api/client.ts';
import { OUTCOME_LABELS, STATUS_LABELS } from '../lib/labels.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

interface Props {
  caseId: string;
  status: CaseStatus;
  allowedTransitions: CaseStatus[];
  /** Closing needs an outcome notice to the reporter first (a complaint about an official, CEL 2023 Art. 52). */
  outcomeNoticeRequired: boolean;
  /** Leaving "assessing" needs a risk assessment (ISO 37002 §8.3). */
  riskLevel: RiskLevel | null;
  /** Called after a change, and after a conflict, so the page shows the case as it now is. */
  onChanged: () => void;
}

const REASON_MISSING = 'Give a reason to reopen the case.';

/**
 * Moves the case to one of the statuses the server allows next. Closing needs an outcome (and, for a complaint
 * about an official, an outcome notice sent first); reopening a closed case needs a reason.
 */
export function StatusForm(props: Props) {
  const { caseId, status, allowedTransitions, outcomeNoticeRequired, riskLevel, onChanged } = props;
  const api = useApi();
  const id = useId();
  const [target, setTarget] = useState<CaseStatus | ''>('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const choosable = allowedTransitions.includes(target as CaseStatus) ? target : '';
  // Every move out of "closed" is a reopening, which the record must explain.
  const reasonRequired = status === 'closed';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setNotice('');
    if (choosable === '') return setError('Choose the new status.');
    if (choosable === 'closed' && outcome === '') return setError('Choose an outcome to close the case.');
    if (reasonRequired && reason.trim() === '') return setError(REASON_MISSING);
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
      {outcomeNoticeRequired && allowedTransitions.includes('closed') ? (
        <p className="notice notice--info">
          This is a complaint about an official: send the reporter an outcome notice (under Messages, “Outcome notice”)
          before closing the case (Counter-Espionage Law 2023, Art. 52).
        </p>
      ) : null}
      {status === 'assessing' && riskLevel === null ? (
        <p className="notice notice--info">
          Record the risk to the reporter (above) before the case leaves Assessing (ISO 37002 §8.3).
        </p>
      ) : null}
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
          required={reasonRequired}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${id}-reason-hint`}
          aria-invalid={error === REASON_MISSING ? true : undefined}
        />
        <p id={`${id}-reason-hint`} className="hint">
          {reasonRequired
            ? 'Required to reopen a closed case. Kept with the case’s record of the change.'
            : 'Optional. Kept with the case’s record of the change.'}
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
