/**
 * The case queue and the search listing: reports joined to the viewer's own case grants, filtered, in one of two
 * orders, by keyset pagination. The query plans matter (bench/queue): see `grantedReports` for the SQLite
 * CROSS JOIN that reads the reports' indexes first for a viewer holding many grants.
 */
import type { Database } from './database.ts';
import { grantedReports } from './grants.ts';

/** The summary columns of a case, as the queue and search present them. */
export const SUMMARY_COLUMNS = [
  'r.id',
  'r.reference',
  'r.category',
  'r.channel',
  'r.status',
  'r.outcome',
  'r.urgent',
  'r.received_at',
  'r.due_at',
  'r.protection_requested_at',
] as const;

export interface QueueFilter {
  status?: string | undefined;
  category?: string | undefined;
  channel?: string | undefined;
  label?: string | undefined;
  urgent?: boolean | undefined;
  /** Only cases with reporter activity the viewer has not seen (see `listQueueRows`). */
  unread?: boolean | undefined;
}

/**
 * Where a page starts: `queue` order (urgent first, then due_at, then id) after the key [urgent, due_at, id];
 * `newest` order (received_at, id descending) after [received_at, id]; no `after`: the first page.
 */
export type QueuePage =
  | { order: 'queue'; after?: [number, string, string] | undefined }
  | { order: 'newest'; after?: [string, string] | undefined };

/**
 * Up to `limit + 1` summary rows of the cases granted to `userId` (one more than a page, to tell whether another
 * page follows), each with `unread`: 1 when the reporter wrote or added files after the viewer last opened the
 * case (or they never opened it), else 0 — read by one probe of `case_reads`' primary key per row.
 * @param drive which side SQLite reads first (see grantedReports)
 */
export async function listQueueRows(
  db: Database,
  userId: string,
  drive: 'grants' | 'reports',
  filter: QueueFilter,
  page: QueuePage,
  limit: number,
) {
  let query = grantedReports(db, userId, drive)
    .leftJoin('case_reads as cr', (j) => j.onRef('cr.report_id', '=', 'r.id').on('cr.user_id', '=', userId))
    .select([...SUMMARY_COLUMNS])
    .select((eb) =>
      eb
        .case()
        .when(
          eb.and([
            eb('r.reporter_activity_at', 'is not', null),
            eb.or([eb('cr.seen_at', 'is', null), eb('cr.seen_at', '<', eb.ref('r.reporter_activity_at'))]),
          ]),
        )
        .then(1)
        .else(0)
        .end()
        .as('unread'),
    )
    .limit(limit + 1);
  if (filter.unread)
    query = query
      .where('r.reporter_activity_at', 'is not', null)
      .where((eb) => eb.or([eb('cr.seen_at', 'is', null), eb('cr.seen_at', '<', eb.ref('r.reporter_activity_at'))]));
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.category) query = query.where('r.category', '=', filter.category);
  if (filter.channel) query = query.where('r.channel', '=', filter.channel);
  if (filter.urgent !== undefined) query = query.where('r.urgent', '=', filter.urgent ? 1 : 0);
  if (filter.label) {
    const label = filter.label;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_labels as l')
          .select('l.report_id')
          .whereRef('l.report_id', '=', 'r.id')
          .where('l.label', '=', label),
      ),
    );
  }

  if (page.order === 'queue') {
    query = query.orderBy('r.urgent', 'desc').orderBy('r.due_at', 'asc').orderBy('r.id', 'asc');
    if (!page.after) return query.execute();
    const [urgent, due, id] = page.after;
    // A row comparison the index seeks to. Urgent sorts the other way, so it is an equality, and a page that
    // ends the urgent cases continues at the start of the others.
    let rows = await query
      .where('r.urgent', '=', urgent)
      .where((eb) => eb(eb.refTuple('r.due_at', 'r.id'), '>', eb.tuple(due, id)))
      .execute();
    if (rows.length <= limit && urgent > 0)
      rows = rows.concat(
        await query
          .where('r.urgent', '<', urgent)
          .limit(limit + 1 - rows.length)
          .execute(),
      );
    return rows;
  }
  query = query.orderBy('r.received_at', 'desc').orderBy('r.id', 'desc');
  if (page.after) {
    const [at, id] = page.after;
    query = query.where((eb) => eb(eb.refTuple('r.received_at', 'r.id'), '<', eb.tuple(at, id)));
  }
  return query.execute();
}

/**
 * The newest `limit + 1` cases granted to `userId`, with the summary columns, the sealed answers and the user's
 * sealed case keys (`sealed_key`).
 */
export function listGrantedForSearch(db: Database, userId: string, limit: number) {
  return grantedReports(db, userId)
    .select([...SUMMARY_COLUMNS, 'r.sealed_answers', 'g.sealed_key'])
    .orderBy('r.received_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit + 1)
    .execute();
}
