/** Moving a case through its lifecycle (src/domain/cases/lifecycle.ts). */
import { hasOutcomeNotice, lastReopenedAt } from '../../store/case-events.ts';
import { findReportForStatus } from '../../store/reports.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { CaseStatus, Outcome } from '../../shared/api.ts';
import { audit } from '../audit/record.ts';
import { nextDeadline, retentionOnStatusChange } from '../deadlines.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { allowedTransitions, canTransition } from './lifecycle.ts';
import { managerRole } from '../approvals/kinds.ts';
import { useApproval } from '../approvals/use.ts';
import { REQUEST_TITLES } from '../../shared/requests.ts';
import { pendingProtectionDue } from '../../store/protection.ts';
import { NOT_FOUND, withCaseKeys } from './access.ts';
import type { Viewer } from '../viewer.ts';
import { canManageAccess } from './manage.ts';
import { recordEvent } from './events.ts';
import { updateCaseAt } from './versioned.ts';
import { categoryOf } from '../categories.ts';

/**
 * Whether closing this case first needs an outcome notice to the reporter (CEL 2023 Art. 52) that was not sent: for
 * a complaint about an official, one sent after the case was last reopened (a status change from "closed"), so each
 * closing tells the complainant its own outcome.
 */
export async function outcomeNoticeMissing(
  deps: Pick<Deps, 'db' | 'profile'>,
  reportId: string,
  categoryId: string,
): Promise<boolean> {
  const kind = categoryOf(deps, categoryId)?.kind;
  if (kind !== 'complaint_about_official') return false;
  const reopenedAt = await lastReopenedAt(deps.db, reportId);
  return !(await hasOutcomeNotice(deps.db, reportId, reopenedAt));
}

/**
 * The approval a status change uses, if any (two-person rule): referring a case outside, and finding a report
 * knowingly false (MSS Order No. 2 Art. 21; EU 2019/1937 Art. 23(2)), whoever moves it; any other closing by someone
 * who does not manage the case (a handler), since closing starts the countdown to the case's destruction
 * (src/domain/retention/case-retention.ts) — a manager of the case closes alone.
 */
function approvalGate(
  deps: Pick<Deps, 'profile'>,
  viewer: Pick<Viewer, 'role'>,
  categoryId: string,
  to: CaseStatus,
  outcome: Outcome | null,
): 'export' | 'knowingly_false' | 'close_case' | null {
  if (to === 'referred') return 'export';
  if (outcome === 'knowingly_false') return 'knowingly_false';
  const category = categoryOf(deps, categoryId);
  return to === 'closed' && !canManageAccess(viewer, category) ? 'close_case' : null;
}

/** 409 approval_required for a closing by someone who does not manage the case, saying who approves it. */
function closingNeedsApproval(deps: Pick<Deps, 'profile'>, categoryId: string) {
  const category = categoryOf(deps, categoryId);
  const manager = managerRole(category) === 'oversight' ? 'an oversight officer' : 'a supervisor';
  return errors.conflict(
    'approval_required',
    `Closing a case starts the countdown to its destruction, so only a manager of the case closes it alone. Ask for an approval (“${REQUEST_TITLES.close_case}”), which ${manager} holding the case decides, and close the case once it is approved.`,
  );
}

/**
 * Moves a case through its lifecycle. Closing needs an outcome; reopening a closed case needs a reason; leaving
 * "assessing" needs an assessment of the risk of harm to the reporter (ISO 37002 §8.3); closing a complaint about
 * an official needs an outcome notice to the complainant first (Counter-Espionage Law 2023 Art. 52); referring it,
 * closing it as knowingly false and closing it by someone who does not manage it each need an approved request
 * (two-person rule, `approvalGate`). Writes are guarded by the
 * row's version, so of two concurrent changes one wins and the other gets a conflict.
 * @throws not_found | invalid_transition | outcome_required | outcome_only_when_closing | reason_required |
 *   risk_assessment_required | outcome_notice_required | approval_required | conflict
 */
export async function changeStatus(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  input: {
    status: CaseStatus;
    outcome?: Outcome | undefined;
    reason?: string | undefined;
    /**
     * The approved request that referring ('export'), closing as knowingly false ('knowingly_false') or closing by
     * someone who does not manage the case ('close_case') uses.
     */
    requestId?: string | undefined;
  },
): Promise<{ status: CaseStatus; outcome: Outcome | null }> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const r = await findReportForStatus(deps.db, reportId);
    if (!r) throw errors.notFound(NOT_FOUND);
    const from = r.status as CaseStatus;
    if (!canTransition(from, input.status))
      throw errors.conflict(
        'invalid_transition',
        `A case that is “${from}” cannot move to “${input.status}”. It can move to: ${allowedTransitions(from).join(', ')}.`,
      );
    if (input.status === 'closed' && !input.outcome)
      throw errors.invalid('outcome_required', 'Choose an outcome to close the case.');
    if (input.status !== 'closed' && input.outcome)
      throw errors.invalid('outcome_only_when_closing', 'An outcome is recorded only when the case is closed.');
    if (from === 'closed' && !input.reason?.trim())
      throw errors.invalid('reason_required', 'Give a reason to reopen a closed case.');
    if (from === 'assessing' && !r.risk_level)
      throw errors.conflict(
        'risk_assessment_required',
        'Record an assessment of the risk of harm to the reporter before the case leaves “assessing”.',
      );
    if (input.status === 'closed' && (await outcomeNoticeMissing(deps, reportId, r.category)))
      throw errors.conflict(
        'outcome_notice_required',
        'This is a complaint about an official: send the complainant an outcome notice before closing the case (after it is reopened, a new one).',
      );
    const at = deps.now().toISOString();
    const outcome = input.status === 'closed' ? (input.outcome ?? null) : null;
    const gate = approvalGate(deps, viewer, r.category, input.status, outcome);
    if (gate === 'close_case' && !input.requestId) throw closingNeedsApproval(deps, r.category);
    // An unanswered protection request keeps its deadline whatever the status (a reporter can be in danger later).
    const protectionDue = await pendingProtectionDue(deps.db, reportId);
    await inTransaction(deps.db, async (trx) => {
      if (gate) await useApproval(deps, trx, { requestId: input.requestId, reportId, kind: gate, viewer });
      await updateCaseAt(trx, reportId, r.version, {
        status: input.status,
        outcome,
        closed_at: input.status === 'closed' ? at : null,
        // Closing starts the retention clock; reopening stops it (src/domain/retention/case-retention.ts).
        ...retentionOnStatusChange(deps, r.category, input.status, at),
        // Leaving "received" is the acknowledgement, whichever state comes next.
        acknowledged_at: r.acknowledged_at ?? (input.status === 'received' ? null : at),
        due_at: nextDeadline({ ...r, status: input.status, protection_due_at: protectionDue }),
        updated_at: at,
      });
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey: keys.caseKey,
        kind: 'status',
        summary: `Status changed from ${from} to ${input.status}${outcome ? ` (outcome: ${outcome.replace(/_/g, ' ')})` : ''}`,
        reason: input.reason,
        fromStatus: from,
        toStatus: input.status,
      });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'case.status',
        subject: `report:${reportId}`,
        reason: `${from}→${input.status}`,
      });
    });
    return { status: input.status, outcome: outcome as Outcome | null };
  });
}
