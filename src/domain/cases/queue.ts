/**
 * The case queue: the cases granted to the viewer, filtered, in one of two orders, by keyset pagination.
 * - `queue` (default): urgent first, then by the next deadline, soonest first — triage order.
 * - `newest`: by time received, newest first.
 * @see ISO 37002 §8.2 (receipt and triage); REQUIREMENTS #7 (threat-to-life fast path)
 */
import type { CaseList, CaseStatus, Channel } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { grantedReports, SUMMARY_COLUMNS, type Viewer } from './access.ts';
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

export async function listCases(deps: Pick<Deps, 'db' | 'profile'>, viewer: Viewer, q: QueueQuery): Promise<CaseList> {
  const order = q.order ?? 'queue';
  let query = grantedReports(deps, viewer)
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

  if (order === 'queue') {
    query = query.orderBy('r.urgent', 'desc').orderBy('r.due_at', 'asc').orderBy('r.id', 'asc');
    if (q.cursor) {
      const [urgent, due, id] = decodeCursor(q.cursor, order) as [number, string, string];
      query = query.where((eb) =>
        eb.or([
          eb('r.urgent', '<', urgent),
          eb.and([
            eb('r.urgent', '=', urgent),
            eb.or([eb('r.due_at', '>', due), eb.and([eb('r.due_at', '=', due), eb('r.id', '>', id)])]),
          ]),
        ]),
      );
    }
  } else {
    query = query.orderBy('r.received_at', 'desc').orderBy('r.id', 'desc');
    if (q.cursor) {
      const [at, id] = decodeCursor(q.cursor, order) as [string, string];
      query = query.where((eb) =>
        eb.or([eb('r.received_at', '<', at), eb.and([eb('r.received_at', '=', at), eb('r.id', '<', id)])]),
      );
    }
  }
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  const key = (r: typeof last & object): Key =>
    order === 'queue' ? [r.urgent, r.due_at, r.id] : [r.received_at, r.id];
  return {
    items: page.map((r) => presentSummary(deps, r)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(order, key(last)) : null,
  };
}
