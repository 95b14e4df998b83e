/**
 * Retention of cases. Closing a case starts its category's retention period (policy.retentionDays); when it ends
 * the retention job (src/jobs/retention.ts) reminds the case's managers and, after the notice period, destroys the
 * case (src/domain/retention/destroy.ts). A legal hold, set by a manager holding the case with a reason sealed under the case
 * key, stops destruction until lifted. Deleting a case before its retention ends needs an approved request
 * (early_deletion, the two-person rule) and is refused while a legal hold stands.
 * @see EU 2019/1937 Art. 17, 18 (records kept no longer than necessary); HinSchG §11(5) (3 years after closure)
 */
import { open, seal } from '../../crypto/sodium.ts';
import type { CaseStatus } from '../../shared/api.ts';
import { MAX_HOLD_REASON, type RetentionView } from '../../shared/retention.ts';
import { DAY } from '../../shared/time.ts';
import { findReportRetention, liftLegalHold, listApprovedRequestsOf, setLegalHold } from '../../store/retention.ts';
import { findReportCategory } from '../../store/reports.ts';
import type { ReportsTable } from '../../store/tables.ts';
import { inTransaction } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import { NOT_FOUND, withCaseKeys } from '../cases/access.ts';
import type { Viewer } from '../viewer.ts';
import { recordEvent } from '../cases/events.ts';
import type { Deps } from '../deps.ts';
import { deleteBlobs, destroyCaseRows, lockReport, scrubStorage } from './destroy.ts';
import { DomainError, errors } from '../errors.ts';
import { pendingProtectionDue } from '../../store/protection.ts';
import { managerRole } from '../approvals/kinds.ts';
import { effectiveStatus, useApproval } from '../approvals/use.ts';
import { categoryOf } from '../categories.ts';
import { legalHoldAd } from '../../crypto/case-keys.ts';

type RetentionColumns = Pick<ReportsTable, 'status' | 'legal_hold_at' | 'retention_ends_at' | 'retention_reminded_at'>;

/**
 * The earliest time the retention job destroys a case: the end of retention, but never sooner than
 * `reminderDays` after its managers were reminded (a reminder not yet sent goes out at the next run).
 * @returns ISO 8601, or null while the case is open, has no retention end, or is on legal hold
 */
export function destroyAfter(r: RetentionColumns, reminderDays: number, now: Date): string | null {
  if (r.status !== 'closed' || r.legal_hold_at || !r.retention_ends_at) return null;
  const ends = Date.parse(r.retention_ends_at);
  const notice = reminderDays * DAY;
  const reminded = r.retention_reminded_at
    ? Date.parse(r.retention_reminded_at)
    : Math.max(now.getTime(), ends - notice);
  return new Date(Math.max(ends, reminded + notice)).toISOString();
}

/** Whether the viewer manages this case's category: a supervisor, or an oversight officer for a complaint. */
function manages(deps: Pick<Deps, 'profile'>, viewer: Viewer, categoryId: string): boolean {
  return viewer.role === managerRole(categoryOf(deps, categoryId));
}

/**
 * When the case will be destroyed and whether a legal hold stops it, for a holder of the case.
 * @throws not_found without a grant
 */
export async function getRetention(deps: Deps, viewer: Viewer, reportId: string): Promise<RetentionView> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const r = await findReportRetention(deps.db, reportId);
    if (!r) throw errors.notFound(NOT_FOUND);
    const now = deps.now();
    const approved = await listApprovedRequestsOf(deps.db, reportId, 'early_deletion', viewer.userId);
    return {
      status: r.status as CaseStatus,
      retentionDays: categoryOf(deps, r.category)?.policy.retentionDays ?? null,
      retentionEndsAt: r.retention_ends_at,
      remindedAt: r.retention_reminded_at,
      destroyAfter: destroyAfter(r, deps.retention.reminderDays, now),
      legalHold:
        r.legal_hold_at && r.sealed_legal_hold_reason
          ? {
              since: r.legal_hold_at,
              reason: open(keys.caseKey, r.sealed_legal_hold_reason, legalHoldAd(reportId)).toString(),
            }
          : null,
      canManageLegalHold: manages(deps, viewer, r.category),
      approvedDeletionRequestId: approved.find((q) => effectiveStatus(q, now) === 'approved')?.id ?? null,
    };
  });
}

function holdReason(reason: string): string {
  const t = reason.trim();
  if (!t) throw errors.validation({ reason: 'Please give the reason for the legal hold.' });
  if ([...t].length > MAX_HOLD_REASON)
    throw errors.validation({ reason: `Please keep the reason within ${MAX_HOLD_REASON} characters.` });
  return t;
}

/**
 * Sets (`hold: true`) or lifts a legal hold. Only a manager holding the case may (a supervisor; an oversight
 * officer for a complaint about an official). Lifting forgets an earlier reminder, so destruction again waits for
 * a fresh reminder and the notice period. Writes a case event (reason sealed) and an audit entry (no reason).
 * @throws not_found | forbidden/not_manager | validation_failed | conflict/already_held | conflict/not_held
 */
export async function changeLegalHold(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  input: { hold: boolean; reason: string },
): Promise<RetentionView> {
  await withCaseKeys(deps, viewer, reportId, async (keys) => {
    const r = await findReportCategory(deps.db, reportId);
    if (!r) throw errors.notFound(NOT_FOUND);
    if (!manages(deps, viewer, r.category))
      throw new DomainError(
        'forbidden',
        'not_manager',
        'Only a supervisor holding the case (an oversight officer, for a complaint about an official) can set or lift a legal hold. Ask one to.',
      );
    const reason = holdReason(input.reason);
    const at = deps.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      const updated = input.hold
        ? await setLegalHold(trx, reportId, at, seal(keys.caseKey, Buffer.from(reason), legalHoldAd(reportId)))
        : await liftLegalHold(trx, reportId);
      if (!updated)
        throw input.hold
          ? errors.conflict(
              'already_held',
              'This case is already on legal hold. Lift the hold first to change its reason.',
            )
          : errors.conflict('not_held', 'This case is not on legal hold.');
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey: keys.caseKey,
        kind: 'legal_hold',
        summary: input.hold ? 'Legal hold set: the case is kept until it is lifted' : 'Legal hold lifted',
        reason,
      });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: input.hold ? 'case.legal_hold' : 'case.legal_hold_lift',
        subject: `report:${reportId}`,
      });
    });
  });
  return getRetention(deps, viewer, reportId);
}

/**
 * Deletes a case before its retention ends, under an approved request of the viewer's (kind early_deletion),
 * which is used up by it: rows, files and every grant, as the retention job does (src/domain/retention/destroy.ts). Only a
 * closed case (so a complaint only after its outcome notice) with no unanswered protection request; the approval is
 * not used by a refusal.
 * @throws not_found | conflict/legal_hold | conflict/case_not_closed | conflict/protection_pending |
 *   conflict/approval_required
 */
export async function deleteCaseEarly(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  requestId: string | undefined,
): Promise<{ files: number }> {
  await withCaseKeys(deps, viewer, reportId, async () => undefined); // not_found without a grant
  const destroyed = await inTransaction(deps.db, async (trx) => {
    const report = await lockReport(deps, trx, reportId);
    if (!report) throw errors.notFound(NOT_FOUND);
    if (report.legal_hold_at)
      throw errors.conflict(
        'legal_hold',
        'This case is on legal hold and cannot be deleted. A supervisor holding the case must lift the hold first.',
      );
    if (report.status !== 'closed')
      throw errors.conflict(
        'case_not_closed',
        'Only a closed case can be deleted before its retention ends. Finish the case and close it with an outcome first (a complaint about an official also needs its outcome notice to the complainant).',
      );
    if (await pendingProtectionDue(trx, reportId))
      throw errors.conflict(
        'protection_pending',
        'The reporter’s request for protection on this case has not been answered. Record the response to it first; then the case can be deleted.',
      );
    await useApproval(deps, trx, { requestId, reportId, kind: 'early_deletion', viewer });
    const rows = await destroyCaseRows(trx, report);
    await audit(deps, trx, {
      actor: viewer.userId,
      action: 'case.destroy',
      subject: `report:${reportId}`,
      reason: `early_deletion request:${requestId}`,
    });
    return rows;
  });
  await deleteBlobs(deps, destroyed.blobIds);
  await scrubStorage(deps);
  return { files: destroyed.files };
}
