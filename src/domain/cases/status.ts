/** Moving a case through its lifecycle (src/domain/lifecycle.ts). */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { seal, wipe } from '../../crypto/sodium.ts';
import type { CaseStatus, Outcome } from '../../shared/api.ts';
import { audit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { allowedTransitions, canTransition } from '../lifecycle.ts';
import { nextDeadline } from '../deadlines.ts';
import { eventAd } from '../sealing.ts';
import { caseKeys, NOT_FOUND, type Viewer } from './access.ts';

/**
 * Moves a case through its lifecycle. Closing needs an outcome; reopening a closed case needs a reason. Writes
 * are guarded by the row's version, so of two concurrent changes one wins and the other gets a conflict.
 * @throws not_found | invalid_transition | outcome_required | outcome_only_when_closing | reason_required | conflict
 */
export async function changeStatus(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  input: { status: CaseStatus; outcome?: Outcome | undefined; reason?: string | undefined },
): Promise<{ status: CaseStatus; outcome: Outcome | null }> {
  const keys = await caseKeys(deps, viewer, reportId);
  try {
    const r = await deps.db
      .selectFrom('reports')
      .select(['status', 'version', 'acknowledgement_due_at', 'feedback_due_at', 'acknowledged_at'])
      .where('id', '=', reportId)
      .executeTakeFirst();
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
    const at = deps.now().toISOString();
    const outcome = input.status === 'closed' ? (input.outcome ?? null) : null;
    const eventId = randomUUID();
    await deps.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('reports')
        .set({
          status: input.status,
          outcome,
          closed_at: input.status === 'closed' ? at : null,
          // Leaving "received" is the acknowledgement, whichever state comes next.
          acknowledged_at: r.acknowledged_at ?? (input.status === 'received' ? null : at),
          due_at: nextDeadline({ ...r, status: input.status }),
          updated_at: at,
          version: sql<number>`version + 1`,
        })
        .where('id', '=', reportId)
        .where('version', '=', r.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw errors.conflict('conflict', 'Someone else changed this case at the same time. Reload it and try again.');
      await trx
        .insertInto('case_events')
        .values({
          id: eventId,
          report_id: reportId,
          at,
          actor_user_id: viewer.userId,
          kind: 'status',
          from_status: from,
          to_status: input.status,
          sealed_reason: input.reason?.trim()
            ? seal(keys.caseKey, Buffer.from(input.reason.trim()), eventAd(reportId, eventId))
            : null,
        })
        .execute();
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'case.status',
        subject: `report:${reportId}`,
        reason: `${from}→${input.status}`,
      });
    });
    return { status: input.status, outcome: outcome as Outcome | null };
  } finally {
    wipe(keys.reportKey);
    wipe(keys.caseKey);
  }
}
