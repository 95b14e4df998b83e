import { useId, useState, type FormEvent } from 'react';
import { OUTCOMES, type CaseStatus, type Outcome, type RiskLevel } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { ApiError } from '../api/client.ts';
import { useApprovals } from '../hooks/useApprovals.ts';
import { approvalsFor } from '../lib/actions.ts';
import { OUTCOME_LABELS, STATUS_LABELS } from '../lib/labels.ts';
import { ApprovalPicker } from './ApprovalPicker.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

interface Props {
  caseId: string;
  status: CaseStatus;
  allowedTransitions: CaseStatus[];
  /** Closing needs an outcome notice to the reporter first (a complaint about an official, CEL 2023 Art. 52). */
  outcomeNoticeRequired: boolean;
  /** Leaving "assessing" needs a risk assessment (ISO 37002 §8.3). */
  riskLevel: RiskLevel | null;
  /** The viewer manages the case (closes it alone); anyone else closes it with an approved “Close the case”. */
  canManageAccess: boolean;
  /** Called after a change, and after a conflict, so the page shows the case as it now is. */
  onChanged: () => void;
}

const REASON_MISSING = 'Give a reason to reopen the case.';

const GATE_MISSING = {
  export: 'Referring the case needs an approved “Export or refer the case outside” request of yours.',
  knowingly_false: 'Closing as knowingly false needs an approved “Mark the report knowingly false” request of yours.',
  close_case:
    'Closing the case needs an approved “Close the case” request of yours: only a manager of the case closes it alone, since closing starts the countdown to its destruction.',
} as const;

/**
 * Moves the case to one of the statuses the server allows next. Closing needs an outcome (and, for a complaint
 * about an official, an outcome notice sent first); reopening a closed case needs a reason. Referring the case,
 * closing it as knowingly false, and closing it when the viewer does not manage it each use an approved request of
 * the viewer's (two-person rule), picked here.
 */
export function StatusForm(props: Props) {
  const { caseId, status, allowedTransitions, outcomeNoticeRequired, riskLevel, canManageAccess, onChanged } = props;
  const api = useApi();
  const id = useId();
  const [target, setTarget] = useState<CaseStatus | ''>('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const [requestId, setRequestId] = useState('');
  const approvals = useApprovals(caseId);

  const choosable = allowedTransitions.includes(target as CaseStatus) ? target : '';
  // Every move out of "closed" is a reopening, which the record must explain.
  const reasonRequired = status === 'closed';
  // Referring takes the case outside; "knowingly false" weighs on the reporter; closing starts the countdown to
  // destruction: each needs a second person (closing, unless the viewer manages the case).
  const gate =
    choosable === 'referred'
      ? ('export' as const)
      : choosable === 'closed' && outcome === 'knowingly_false'
        ? ('knowingly_false' as const)
        : choosable === 'closed' && !canManageAccess
          ? ('close_case' as const)
          : null;
  const usable = gate && approvals.approvals ? approvalsFor(approvals.approvals, gate) : null;
  const chosenRequest = usable?.some((a) => a.id === requestId) ? requestId : (usable?.[0]?.id ?? '');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setNotice('');
    if (choosable === '') return setError('Choose the new status.');
    if (choosable === 'closed' && outcome === '') return setError('Choose an outcome to close the case.');
    if (reasonRequired && reason.trim() === '') return setError(REASON_MISSING);
    if (gate && chosenRequest === '') return setError(GATE_MISSING[gate]);
    setBusy(true);
    setError(null);
    try {
      const result = await api.changeStatus(caseId, {
        status: choosable,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(choosable === 'closed' && outcome ? { outcome } : {}),
        ...(gate ? { requestId: chosenRequest } : {}),
      });
      setTarget('');
      setOutcome('');
      setReason('');
      setRequestId('');
      if (gate) approvals.reload();
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
      {gate ? (
        <ApprovalPicker
          id={`${id}-approval`}
          kind={gate}
          approvals={usable}
          value={chosenRequest}
          onChange={setRequestId}
        />
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
