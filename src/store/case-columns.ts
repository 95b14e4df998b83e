/**
 * What a dense case list and the case view's summary show beside a case's own row, for a page of cases at once
 * (one query per column, bounded by the page): who holds each case, its labels, its last activity, and whether a
 * protection request waits for an answer.
 */
import { sql } from 'kysely';
import type { Database } from './database.ts';

/** Display names of the people holding a case grant on each report, by report id (sorted by name). */
export async function listHolders(db: Database, reportIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (reportIds.length === 0) return out;
  const rows = await db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select(['grants.report_id', 'users.display_name'])
    .where('grants.report_id', 'in', [...reportIds])
    .where('grants.scope', '=', 'case')
    .where('users.disabled_at', 'is', null)
    .orderBy('users.display_name')
    .execute();
  for (const r of rows) out.set(r.report_id, [...(out.get(r.report_id) ?? []), r.display_name]);
  return out;
}

/** Labels of each report, by report id (sorted). */
export async function listLabelsOf(db: Database, reportIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (reportIds.length === 0) return out;
  const rows = await db
    .selectFrom('case_labels')
    .select(['report_id', 'label'])
    .where('report_id', 'in', [...reportIds])
    .orderBy('label')
    .execute();
  for (const r of rows) out.set(r.report_id, [...(out.get(r.report_id) ?? []), r.label]);
  return out;
}

/** The time of the latest message or case event of each report, by report id. */
export async function listLastActivity(db: Database, reportIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (reportIds.length === 0) return out;
  const ids = [...reportIds];
  const messages = await db
    .selectFrom('messages')
    .select(['report_id', sql<string>`max(created_at)`.as('at')])
    .where('report_id', 'in', ids)
    .groupBy('report_id')
    .execute();
  const events = await db
    .selectFrom('case_events')
    .select(['report_id', sql<string>`max(at)`.as('at')])
    .where('report_id', 'in', ids)
    .groupBy('report_id')
    .execute();
  for (const r of [...messages, ...events]) {
    const seen = out.get(r.report_id);
    if (!seen || r.at > seen) out.set(r.report_id, r.at);
  }
  return out;
}

/** Report ids among `reportIds` with a protection request not answered yet. */
export async function listProtectionPending(db: Database, reportIds: readonly string[]): Promise<Set<string>> {
  if (reportIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('protection_requests')
    .select('report_id')
    .distinct()
    .where('report_id', 'in', [...reportIds])
    .where('responded_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.report_id));
}

/** Who decided each request and when, by request id (display name null when the account is gone). */
export async function listRequestDecisions(
  db: Database,
  requestIds: readonly string[],
): Promise<Map<string, { decidedBy: string | null; decidedAt: string | null }>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('requests')
    .leftJoin('users', 'users.id', 'requests.decided_by')
    .select(['requests.id', 'requests.decided_at', 'users.display_name'])
    .where('requests.id', 'in', [...requestIds])
    .execute();
  return new Map(rows.map((r) => [r.id, { decidedBy: r.display_name, decidedAt: r.decided_at }]));
}

/**
 * The reports `userId` recorded (audit `report.submit` with them as actor), newest first: reference, channel and
 * when — nothing sealed. Reports destroyed since are left out.
 */
export async function listRecordedBy(db: Database, userId: string, limit: number) {
  return db
    .selectFrom('audit')
    .innerJoin('reports', (join) => join.on(sql`audit.subject`, '=', sql`'report:' || reports.id`))
    .select(['reports.reference', 'reports.channel', 'audit.at'])
    .where('audit.actor', '=', userId)
    .where('audit.action', '=', 'report.submit')
    .orderBy('audit.seq', 'desc')
    .limit(limit)
    .execute();
}
