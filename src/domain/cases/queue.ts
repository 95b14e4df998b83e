/**
 * The case queue: the cases granted to the viewer, filtered, in one of two orders, by keyset pagination.
 * - `queue` (default): urgent first, then by the next deadline, soonest first — triage order.
 * - `newest`: by time received, newest first.
 * @see ISO 37002 §8.2 (receipt and triage); REQUIREMENTS #7 (threat-to-life fast path)
 */
import type { CaseList, CaseStatus, Channel } from '../../shared/api.ts';
import { listHolders, listLabelsOf, listLastActivity, listProtectionPending } from '../../store/case-columns.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { holdsFewerCaseGrants } from '../../store/grants.ts';
import { listQueueRows, type QueuePage } from '../../store/queue.ts';
import type { Viewer } from '../viewer.ts';
import { presentSummary } from './present.ts';

export type QueueOrder = 'queue' | 'newest';

export interface QueueQuery {
  order?: QueueOrder | undefined;
  status?: CaseStatus | undefined;
  category?: string | undefined;
  channel?: Channel | undefined;
  label?: string | undefined;
  urgent?: boolean | undefined;
  /** Only cases with reporter activity the viewer has not seen. */
  unread?: boolean | undefined;
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
 * grantedReports in src/store/grants.ts). SQLite's planner otherwise reads every grant of the viewer and sorts them, whoever the viewer
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
    deps.dialect === 'sqlite' && !(await holdsFewerCaseGrants(deps.db, viewer.userId, fewGrants))
      ? 'reports'
      : 'grants';
  const page: QueuePage =
    order === 'queue'
      ? { order, after: q.cursor ? (decodeCursor(q.cursor, order) as [number, string, string]) : undefined }
      : { order, after: q.cursor ? (decodeCursor(q.cursor, order) as [string, string]) : undefined };
  const rows = await listQueueRows(deps.db, viewer.userId, drive, q, page, q.limit);
  const pageRows = rows.slice(0, q.limit);
  const last = pageRows[pageRows.length - 1];
  const key = (r: typeof last & object): Key =>
    order === 'queue' ? [r.urgent, r.due_at, r.id] : [r.received_at, r.id];
  const ids = pageRows.map((r) => r.id);
  const [holders, labels, activity, protection] = [
    await listHolders(deps.db, ids),
    await listLabelsOf(deps.db, ids),
    await listLastActivity(deps.db, ids),
    await listProtectionPending(deps.db, ids),
  ];
  return {
    items: pageRows.map((r) => ({
      ...presentSummary(deps, r),
      unread: Number(r.unread) === 1,
      holders: holders.get(r.id) ?? [],
      labelList: labels.get(r.id) ?? [],
      lastActivityAt: activity.get(r.id) ?? null,
      protectionPending: protection.has(r.id),
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(order, key(last)) : null,
  };
}
