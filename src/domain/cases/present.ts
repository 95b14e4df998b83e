/** Case rows as the API shows them. */
import type { CaseStatus, CaseSummary, Channel, Outcome } from '../../shared/api.ts';
import { presentDeadline } from '../deadlines.ts';
import type { Deps } from '../deps.ts';
import { categoryOf } from '../categories.ts';

export function categoryTitle(deps: Pick<Deps, 'profile'>, id: string): { id: string; title: string } {
  return { id, title: categoryOf(deps, id)?.title ?? id };
}

export type SummaryRow = {
  id: string;
  reference: string;
  category: string;
  channel: string;
  status: string;
  outcome: string | null;
  urgent: number;
  received_at: string;
  due_at: string;
  protection_requested_at: string | null;
};

export function presentSummary(deps: Pick<Deps, 'profile'>, r: SummaryRow): CaseSummary {
  return {
    id: r.id,
    reference: r.reference,
    category: categoryTitle(deps, r.category),
    channel: r.channel as Channel,
    status: r.status as CaseStatus,
    outcome: r.outcome as Outcome | null,
    urgent: r.urgent === 1,
    receivedAt: r.received_at,
    dueAt: presentDeadline(r.due_at),
    protectionRequestedAt: r.protection_requested_at,
  };
}
