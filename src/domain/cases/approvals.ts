/**
 * The viewer's approvals on a case that are ready to use: decided, not yet used, not expired. The workspace offers
 * them where a gated step asks for one (opening an original, exporting or referring, recording an enforcement
 * action, closing as knowingly false), so that the person picks the approval instead of typing its id.
 */
import { GATED_KINDS, type UsableApproval } from '../../shared/actions.ts';
import type { Deps } from '../deps.ts';
import { listUsableApprovalRows } from '../../store/case-approvals.ts';
import { withCaseKeys } from './access.ts';
import type { Viewer } from '../viewer.ts';

/** @throws not_found without a grant on the case */
export async function usableApprovals(deps: Deps, viewer: Viewer, reportId: string): Promise<UsableApproval[]> {
  // The grant is the check: without one the case does not exist for the viewer.
  await withCaseKeys(deps, viewer, reportId, async () => undefined);
  const rows = await listUsableApprovalRows(deps.db, reportId, viewer.userId, GATED_KINDS, deps.now().toISOString());
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as UsableApproval['kind'],
    subject: r.subject,
    decidedAt: r.decided_at ?? r.expires_at,
    expiresAt: r.expires_at,
  }));
}
