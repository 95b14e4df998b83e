/**
 * The viewer's approvals on a case that are ready to use: decided, not yet used, not expired. The workspace offers
 * them where a gated step asks for one (opening an original, exporting or referring, recording an enforcement
 * action, closing as knowingly false), so that the person picks the approval instead of typing its id.
 */
import { wipe } from '../../crypto/sodium.ts';
import { GATED_KINDS, type UsableApproval } from '../../shared/actions.ts';
import type { Deps } from '../deps.ts';
import { caseKeys, type Viewer } from './access.ts';

/** @throws not_found without a grant on the case */
export async function usableApprovals(deps: Deps, viewer: Viewer, reportId: string): Promise<UsableApproval[]> {
  const keys = await caseKeys(deps, viewer, reportId);
  wipe(keys.reportKey);
  wipe(keys.caseKey);
  const rows = await deps.db
    .selectFrom('requests')
    .select(['id', 'kind', 'subject', 'decided_at', 'expires_at'])
    .where('report_id', '=', reportId)
    .where('requester_id', '=', viewer.userId)
    .where('status', '=', 'approved')
    .where('expires_at', '>', deps.now().toISOString())
    .where('kind', 'in', [...GATED_KINDS])
    .orderBy('decided_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as UsableApproval['kind'],
    subject: r.subject,
    decidedAt: r.decided_at ?? r.expires_at,
    expiresAt: r.expires_at,
  }));
}
