/**
 * Deciding a request (the two-person rule): approving or refusing it, and running the approved kind's effect from
 * the table in ./effects.ts inside the same transaction.
 * @see CEL 2023 Art. 25–31; EU 2019/1937 Art. 16(2)–(3)
 */
import { openSealed, sealJson, wipe } from '../../crypto/sodium.ts';
import { DAY } from '../../shared/time.ts';
import { MAX_REASON } from '../../shared/requests.ts';
import { findRequest, findRequestKey, updateRequestIfStatus } from '../../store/requests.ts';
import { inTransaction } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import { categoryOfReport } from '../categories.ts';
import { caseKeys } from '../cases/access.ts';
import type { Viewer } from '../viewer.ts';
import { recordEvent } from '../cases/events.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { APPROVAL_EFFECTS } from './effects.ts';
import { deciderRole, REQUEST_TITLES, REQUEST_TTL_DAYS, type RequestKind } from '../approvals/kinds.ts';
import { deciders } from './requests.ts';
import { effectiveStatus, type RequestStatus } from '../approvals/use.ts';
import { requestNoteAd } from '../../crypto/case-keys.ts';

/**
 * Approves or refuses a request. The decider must be someone other than the requester, sealed in as a decider when
 * the request was made, and still hold the case (or, for identity disclosure, its identity).
 * @throws not_found | conflict/own_request | conflict/own_exclusion (a lift_exclusion or exclude_holder about the decider) |
 *   conflict/decided | conflict/expired | conflict/requester_gone (an identity disclosure to someone who no longer
 *   holds the case)
 */
export async function decideRequest(
  deps: Deps,
  viewer: Viewer,
  requestId: string,
  input: { decision: 'approve' | 'refuse'; note?: string | null | undefined },
): Promise<{ status: RequestStatus }> {
  const row = await findRequest(deps.db, requestId);
  const notFound = errors.notFound('There is no such request, or it is not yours to decide.');
  if (!row) throw notFound;
  const key = await findRequestKey(deps.db, requestId, viewer.userId);
  if (!key) throw notFound;
  if (row.requester_id === viewer.userId)
    throw errors.conflict('own_request', 'You cannot decide your own request: a second person must.');
  if ((row.kind === 'lift_exclusion' || row.kind === 'exclude_holder') && row.subject === viewer.userId)
    throw errors.conflict('own_exclusion', 'You cannot decide about your own exclusion: another manager must.');
  const { category } = await categoryOfReport(deps, row.report_id);
  const role = deciderRole(row.kind as RequestKind, category);
  const still = await deciders(deps, row.report_id, role, row.requester_id);
  if (viewer.role !== role || !still.some((p) => p.id === viewer.userId)) throw notFound;
  const now = deps.now();
  const status = effectiveStatus(row, now);
  if (status === 'expired') throw errors.conflict('expired', 'This request has expired. The requester can ask again.');
  if (status !== 'pending') throw errors.conflict('decided', 'This request has already been decided.');

  const note = input.note?.trim() || null;
  if (note && [...note].length > MAX_REASON)
    throw errors.validation({ note: `Please keep the note within ${MAX_REASON} characters.` });
  // A decider who manages the case records the decision in its history; a custodian holds no case key.
  const keys = role === 'custodian' ? null : await caseKeys(deps, viewer, row.report_id);
  const requestKey = openSealed(viewer.publicKey, viewer.secretKey, key.sealed_key);
  const at = now.toISOString();
  const approved = input.decision === 'approve';
  const registered = approved ? APPROVAL_EFFECTS[row.kind as RequestKind] : undefined;
  const effect = registered?.effect;
  const consumed = registered !== undefined && !registered.keepsApproval;
  try {
    await inTransaction(deps.db, async (trx) => {
      const updated = await updateRequestIfStatus(trx, row.id, 'pending', {
        status: approved ? (consumed ? 'used' : 'approved') : 'refused',
        decided_by: viewer.userId,
        decided_at: at,
        sealed_decision_note: note ? sealJson(requestKey, note, requestNoteAd(row.id)) : null,
        used_at: consumed ? at : null,
        // An approval may be used for REQUEST_TTL_DAYS from the decision.
        expires_at: approved ? new Date(now.getTime() + REQUEST_TTL_DAYS * DAY).toISOString() : row.expires_at,
      });
      if (!updated) throw errors.conflict('decided', 'This request has already been decided.');
      if (effect) await effect(deps, trx, viewer, row);
      if (keys)
        await recordEvent(trx, {
          reportId: row.report_id,
          at,
          actor: viewer.userId,
          caseKey: keys.caseKey,
          kind: 'decision',
          summary: `${approved ? 'Approved' : 'Refused'}: ${REQUEST_TITLES[row.kind as RequestKind]}`,
          reason: note ?? undefined,
        });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: approved ? 'request.approve' : 'request.refuse',
        subject: `report:${row.report_id}`,
        reason: `request:${row.id} ${row.kind}`,
      });
    });
  } finally {
    wipe(requestKey);
    if (keys) {
      wipe(keys.reportKey);
      wipe(keys.caseKey);
    }
  }
  return { status: approved ? (consumed ? 'used' : 'approved') : 'refused' };
}
