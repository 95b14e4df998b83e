import type { CaseStatus, Outcome } from '../../shared/api.ts';
import { OUTCOME_LABELS, STATUS_LABELS } from '../lib/labels.ts';

/** "Investigating", or "Closed: Substantiated". */
export function StatusText({ status, outcome }: { status: CaseStatus; outcome: Outcome | null }) {
  return (
    <span className={`status status--${status}`}>
      {STATUS_LABELS[status]}
      {outcome ? `: ${OUTCOME_LABELS[outcome]}` : null}
    </span>
  );
}
