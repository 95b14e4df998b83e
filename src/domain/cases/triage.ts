/**
 * Triage: marking a case urgent (threat to life, reporter in danger), which makes its acknowledgement due within
 * the policy's urgent response time and puts it first in the queue; and the assessment of the risk of harm to the
 * reporter, required before a case leaves "assessing".
 * @see ISO 37002 §8.3; REQUIREMENTS #7 (threat-to-life fast path); MSS Order No. 2 Art. 6(2)
 */
import type { RiskLevel } from '../../shared/api.ts';
import { findReportForTriage, updateReport } from '../../store/reports.ts';
import { inTransaction } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import { acknowledgementDue, nextDeadline, presentDeadline } from '../deadlines.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { pendingProtectionDue } from '../../store/protection.ts';
import { NOT_FOUND, withCaseKeys } from './access.ts';
import type { Viewer } from '../viewer.ts';
import { recordEvent } from './events.ts';
import { updateCaseAt } from './versioned.ts';
import { categoryOf } from '../categories.ts';

/** @throws not_found | conflict */
export async function setUrgent(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  input: { urgent: boolean; reason: string },
): Promise<{ urgent: boolean; dueAt: string | null }> {
  return withCaseKeys(deps, viewer, reportId, async ({ caseKey }) => {
    const r = await findReportForTriage(deps.db, reportId);
    if (!r) throw errors.notFound(NOT_FOUND);
    const policy = categoryOf(deps, r.category)?.policy;
    const ackDue = acknowledgementDue(policy, new Date(r.received_at), input.urgent);
    const dueAt = nextDeadline({
      status: r.status,
      acknowledgement_due_at: ackDue,
      feedback_due_at: r.feedback_due_at,
      protection_due_at: await pendingProtectionDue(deps.db, reportId),
    });
    const at = deps.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      await updateCaseAt(trx, reportId, r.version, {
        urgent: input.urgent ? 1 : 0,
        acknowledgement_due_at: ackDue,
        due_at: dueAt,
        updated_at: at,
      });
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey,
        kind: 'urgent',
        summary: input.urgent ? 'Marked urgent' : 'No longer urgent',
        reason: input.reason,
      });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: input.urgent ? 'case.urgent' : 'case.not_urgent',
        subject: `report:${reportId}`,
      });
    });
    return { urgent: input.urgent, dueAt: presentDeadline(dueAt) };
  });
}

const RISK_WORDS: Record<RiskLevel, string> = { low: 'low', moderate: 'moderate', high: 'high' };

/** Records the assessment of the risk of harm to the reporter. @throws not_found */
export async function recordRisk(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  input: { level: RiskLevel; note?: string | undefined },
): Promise<{ riskLevel: RiskLevel }> {
  return withCaseKeys(deps, viewer, reportId, async ({ caseKey }) => {
    const at = deps.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      if ((await updateReport(trx, reportId, { risk_level: input.level, updated_at: at })) !== 1)
        throw errors.notFound(NOT_FOUND);
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey,
        kind: 'risk',
        summary: `Risk of harm to the reporter assessed as ${RISK_WORDS[input.level]}`,
        reason: input.note,
      });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'case.risk',
        subject: `report:${reportId}`,
        reason: input.level,
      });
    });
    return { riskLevel: input.level };
  });
}
