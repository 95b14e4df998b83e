/**
 * Statistics over non-content columns of `reports` (category, channel, status and times): daily counts, totals,
 * overdue cases and medians. Times are ISO 8601 UTC strings, which compare as the instants they name.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database, Dialect } from './database.ts';

/** Reports received in [start, end) by calendar day (YYYY-MM-DD, UTC), category and channel; `n` the count. */
export function countReceivedByDay(db: Database, start: string, end: string) {
  // substr(…) is written out (no parameters) so PostgreSQL matches the selected and the grouped expression.
  const day = sql<string>`substr(received_at, 1, 10)`;
  return received(db, start, end)
    .select([day.as('day'), 'category', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([day, 'category', 'channel'])
    .execute();
}

/**
 * Of the reports received in [start, end): how many are acknowledged, closed, decided (acknowledged, or still
 * unacknowledged after the deadline at `now`) and acknowledged by their deadline (`inTime`).
 */
export function countReceivedTotals(db: Database, start: string, end: string, now: string) {
  const count = (condition: Expression<SqlBool>) =>
    sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
  return received(db, start, end)
    .select((eb) => [
      count(eb('acknowledged_at', 'is not', null)).as('acknowledged'),
      count(eb('closed_at', 'is not', null)).as('closed'),
      count(
        eb.and([
          eb('acknowledgement_due_at', 'is not', null),
          eb.or([eb('acknowledged_at', 'is not', null), eb('acknowledgement_due_at', '<', now)]),
        ]),
      ).as('decided'),
      count(eb('acknowledged_at', '<=', eb.ref('acknowledgement_due_at'))).as('inTime'),
    ])
    .executeTakeFirstOrThrow();
}

/** How many cases not closed have their next deadline before `now`. */
export async function countOverdue(db: Database, now: string): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    // urgent is 0 or 1: naming both lets the queue index (urgent, due_at) find the few overdue rows.
    .where('urgent', 'in', [0, 1])
    .where('due_at', '<', now)
    .where('status', '<>', 'closed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Hours from receipt to `column` of reports received in [start, end) that have it, in ascending order, `limit`
 * of them from `offset`: the median's one or two middle rows. PostgreSQL computes by epoch, SQLite by julianday.
 */
export async function hoursToColumn(
  db: Database,
  dialect: Dialect,
  range: { start: string; end: string },
  column: 'acknowledged_at' | 'closed_at',
  page: { limit: number; offset: number },
): Promise<number[]> {
  const hours =
    dialect === 'postgres'
      ? sql<number>`extract(epoch from (${sql.ref(column)}::timestamptz - received_at::timestamptz))::float8 / 3600`
      : sql<number>`(julianday(${sql.ref(column)}) - julianday(received_at)) * 24`;
  const rows = await db
    .selectFrom('reports')
    .select(hours.as('hours'))
    .where('received_at', '>=', range.start)
    .where('received_at', '<', range.end)
    .where(column, 'is not', null)
    .orderBy(hours)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => Number(r.hours));
}

function received(db: Database, start: string, end: string) {
  return db.selectFrom('reports').where('received_at', '>=', start).where('received_at', '<', end);
}
