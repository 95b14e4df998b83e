/**
 * The case queue: the cases granted to the viewer, filtered, in one of two orders, by keyset pagination.
 * - `queue` (default): urgent first, then by the next deadline, soonest first — triage order.
 * - `newest`: by time received, newest first.
 * @see ISO 37002 §8.2 (receipt and triage); REQUIREMENTS #7 (threat-to-life fast path)
 */
import type { CaseList, CaseStatus, Channel } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { grantedReports, holdsFewerGrants, SUMMARY_COLUMNS, type Viewer } from './access.ts';
import { presentSummary } from './present.ts';

export type QueueOrder = 'queue' | 'newest';

export interface QueueQuery {
  order?: QueueOrder | undefined;
  status?: CaseStatus | undefined;
  category?: string | undefined;
  channel?: Channel | undefined;
  label?: string | undefined;
  urgent?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

type Key = [number, string, string] | [string, string];

const encodeCursor = (order: QueueOrder, key: Key) =>
  Buffer.from(JSON.stringify([order, ...key])).toString('base64url');

function decodeCursor(cursor: string, order: QueueOrder): Key {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (Array.isArray(v) && v[0] === order) {
      const key = v.slice(1);
      if (order === 'queue' && typeof key[0] === 'number' && typeof key[1] === 'string' && typeof key[2] === 'string')
        return key as Key;
      if (order === 'newest' && typeof key[0] === 'string' && typeof key[1] === 'string' && key.length === 2)
        return key as Key;
    }
  } catch {
    // reported below
  }
  throw errors.invalid('bad_cursor', 'The page cursor is not valid; start again from the first page.');
}

/**
 * On SQLite, a viewer holding at least this many case grants has the queue read from the reports' indexes (see
 * grantedReports). SQLite's planner otherwise reads every grant of the viewer and sorts them, whoever the viewer
 * is: 5 s for a supervisor at 1,000,000 cases. At 1,000,000 cases both sides cost about the same at 2,000 grants
 * (bench/queue: 18–20 ms vs 26 ms). PostgreSQL picks the side itself from its per-user statistics.
 */
const FEW_GRANTS = 2000;

export async function listCases(
  deps: Pick<Deps, 'db' | 'dialect' | 'profile'>,
  viewer: Viewer,
  q: QueueQuery,
  tuning: { fewGrants?: number } = {},
): Promise<CaseList> {
  const order = q.order ?? 'queue';
  const fewGrants = tuning.fewGrants ?? FEW_GRANTS;
  const drive =
    deps.dialect === 'sqlite' && !(await holdsFewerGrants(deps, viewer.userId, fewGrants)) ? 'reports' : 'grants';
  let query = grantedReports(deps, viewer, drive)
    .select([...SUMMARY_COLUMNS])
    .limit(q.limit + 1);
  if (q.status) query = query.where('r.status', '=', q.status);
  if (q.category) query = query.where('r.category', '=', q.category);
  if (q.channel) query = query.where('r.channel', '=', q.channel);
  if (q.urgent !== undefined) query = query.where('r.urgent', '=', q.urgent ? 1 : 0);
  if (q.label) {
    const label = q.label;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_labels as l')
          .select('l.report_id')
          .whereRef('l.report_id', '=', 'r.id')
          .where('l.label', '=', label),
      ),
    );
  }

  let rows;
  if (order === 'queue') {
    query = query.orderBy('r.urgent', 'desc').orderBy('r.due_at', 'asc').orderBy('r.id', 'asc');
    if (q.cursor) {
      const [urgent, due, id] = decodeCursor(q.cursor, order) as [number, string, string];
      // A row comparison the index seeks to. Urgent sorts the other way, so it is an equality, and a page that
      // ends the urgent cases continues at the start of the others.
      rows = await query
        .where('r.urgent', '=', urgent)
        .where((eb) => eb(eb.refTuple('r.due_at', 'r.id'), '>', eb.tuple(due, id)))
        .execute();
      if (rows.length <= q.limit && urgent > 0)
        rows = rows.concat(
          await query
            .where('r.urgent', '<', urgent)
            .limit(q.limit + 1 - rows.length)
            .execute(),
        );
    } else rows = await query.execute();
  } else {
    query = query.orderBy('r.received_at', 'desc').orderBy('r.id', 'desc');
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor, order) as [string, string];
      query = query.where((eb) => eb(eb.refTuple('r.received_at', 'r.id'), '<', eb.tuple(at, id)));
    }
    rows = await query.execute();
  }
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const key = (r: typeof last & object): Key =>
    order === 'queue' ? [r.urgent, r.due_at, r.id] : [r.received_at, r.id];
  return {
    items: page.map((r) => presentSummary(deps, r)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(order, key(last)) : null,
  };
}
