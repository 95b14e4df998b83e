/** A requester's approvals on a case (`requests`) as the workspace offers them where a gated step asks for one. */
import type { Database } from './database.ts';

/** Approved requests of `requesterId` on a case, of these kinds, not expired at `now` (ISO 8601), oldest decided first. */
export function listUsableApprovalRows(
  db: Database,
  reportId: string,
  requesterId: string,
  kinds: readonly string[],
  now: string,
) {
  return db
    .selectFrom('requests')
    .select(['id', 'kind', 'subject', 'decided_at', 'expires_at'])
    .where('report_id', '=', reportId)
    .where('requester_id', '=', requesterId)
    .where('status', '=', 'approved')
    .where('expires_at', '>', now)
    .where('kind', 'in', [...kinds])
    .orderBy('decided_at')
    .execute();
}
