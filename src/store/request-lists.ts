/** The queries behind the workspace's request lists: requests with their case, people and the viewer's key. */
import type { Database } from './database.ts';

/** Which requests a list holds: the viewer's own, those waiting for others' decision, or those on one case. */
export type RequestFilter = { box: 'mine' } | { box: 'to_decide'; now: string } | { box: 'case'; reportId: string };

/**
 * Requests with their case's reference and category, the requester's and decider's names, and the viewer's sealed
 * request key (null without one), `limit` at most: mine and a case's newest first, to decide soonest to expire.
 */
export function listRequestRows(db: Database, viewerId: string, filter: RequestFilter, limit: number) {
  let query = db
    .selectFrom('requests as q')
    .innerJoin('reports as r', 'r.id', 'q.report_id')
    .innerJoin('users as u', 'u.id', 'q.requester_id')
    .leftJoin('users as d', 'd.id', 'q.decided_by')
    .leftJoin('request_keys as k', (j) => j.onRef('k.request_id', '=', 'q.id').on('k.user_id', '=', viewerId))
    .select([
      'q.id',
      'q.report_id',
      'q.kind',
      'q.requester_id',
      'q.status',
      'q.subject',
      'q.sealed_details',
      'q.sealed_decision_note',
      'q.created_at',
      'q.expires_at',
      'q.decided_at',
      'r.reference',
      'r.category',
      'u.display_name as requester_name',
      'd.display_name as decider_name',
      'k.sealed_key',
    ]);
  if (filter.box === 'mine')
    query = query.where('q.requester_id', '=', viewerId).orderBy('q.created_at', 'desc').orderBy('q.id', 'desc');
  else if (filter.box === 'case')
    query = query.where('q.report_id', '=', filter.reportId).orderBy('q.created_at', 'desc').orderBy('q.id', 'desc');
  else
    query = query
      .where('k.user_id', 'is not', null)
      .where('q.requester_id', '!=', viewerId)
      .where('q.status', '=', 'pending')
      .where('q.expires_at', '>', filter.now)
      .orderBy('q.expires_at')
      .orderBy('q.id');
  return query.limit(limit).execute();
}

/** Report ids among `reportIds` on which the user holds a grant of `scope`. */
export async function reportsHeldOf(
  db: Database,
  userId: string,
  reportIds: string[],
  scope: 'case' | 'identity',
): Promise<Set<string>> {
  if (reportIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('grants')
    .select('report_id')
    .where('user_id', '=', userId)
    .where('scope', '=', scope)
    .where('report_id', 'in', reportIds)
    .execute();
  return new Set(rows.map((r) => r.report_id));
}

/** Display names of these users (ids of deleted users are left out). */
export function listDisplayNames(db: Database, userIds: string[]) {
  return db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute();
}

/** The sealed metadata of these files of a report. */
export function listFileMetas(db: Database, reportId: string, fileIds: string[]) {
  return db
    .selectFrom('files')
    .select(['id', 'sealed_meta'])
    .where('report_id', '=', reportId)
    .where('id', 'in', fileIds)
    .execute();
}
