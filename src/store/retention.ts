/** Retention of cases: a report's retention and legal-hold columns, and the retention job's due lists. */
import type { Database } from './database.ts';

/** A report's category, status, legal hold (sealed reason) and retention times; undefined when it is gone. */
export function findReportRetention(db: Database, reportId: string) {
  return db
    .selectFrom('reports')
    .select(['category', 'status', 'legal_hold_at', 'sealed_legal_hold_reason'])
    .select(['retention_ends_at', 'retention_reminded_at'])
    .where('id', '=', reportId)
    .executeTakeFirst();
}

/** A requester's approved requests of `kind` on a report (id, status, expires_at), newest decision first. */
export function listApprovedRequestsOf(db: Database, reportId: string, kind: string, requesterId: string) {
  return db
    .selectFrom('requests')
    .select(['id', 'status', 'expires_at'])
    .where('report_id', '=', reportId)
    .where('kind', '=', kind)
    .where('requester_id', '=', requesterId)
    .where('status', '=', 'approved')
    .orderBy('decided_at', 'desc')
    .execute();
}

/** Sets a legal hold (at, sealed reason) on a report that has none. @returns whether a row changed */
export async function setLegalHold(db: Database, reportId: string, at: string, sealedReason: Buffer): Promise<boolean> {
  const r = await db
    .updateTable('reports')
    .set({ legal_hold_at: at, sealed_legal_hold_reason: sealedReason })
    .where('id', '=', reportId)
    .where('legal_hold_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Lifts a report's legal hold and forgets its retention reminder. @returns whether a row changed */
export async function liftLegalHold(db: Database, reportId: string): Promise<boolean> {
  const r = await db
    .updateTable('reports')
    .set({ legal_hold_at: null, sealed_legal_hold_reason: null, retention_reminded_at: null })
    .where('id', '=', reportId)
    .where('legal_hold_at', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const closed = (db: Database) => db.selectFrom('reports').select(['id', 'category']).where('status', '=', 'closed');

/** Closed cases not on hold nor reminded whose retention ends by `endsBy` (ISO 8601), soonest first. */
export function listClosedDueReminder(db: Database, endsBy: string, limit: number) {
  return closed(db)
    .where('legal_hold_at', 'is', null)
    .where('retention_reminded_at', 'is', null)
    .where('retention_ends_at', '<=', endsBy)
    .orderBy('retention_ends_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Closed cases not on hold whose retention ended by `endedBy` and that were reminded by `remindedBy`. */
export function listClosedDueDestruction(db: Database, endedBy: string, remindedBy: string, limit: number) {
  return closed(db)
    .where('legal_hold_at', 'is', null)
    .where('retention_ends_at', '<=', endedBy)
    .where('retention_reminded_at', '<=', remindedBy)
    .orderBy('retention_ends_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Closed cases on legal hold whose retention ended by `endedBy`, soonest first. */
export function listClosedHeldPastRetention(db: Database, endedBy: string, limit: number) {
  return closed(db)
    .where('legal_hold_at', 'is not', null)
    .where('retention_ends_at', '<=', endedBy)
    .orderBy('retention_ends_at')
    .limit(limit)
    .execute();
}

/** The enabled accounts holding a case grant on each of `reportIds`: report id, user id, role. */
export function listActiveCaseHolders(db: Database, reportIds: string[]) {
  return db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select(['grants.report_id', 'users.id', 'users.role'])
    .where('grants.report_id', 'in', reportIds)
    .where('grants.scope', '=', 'case')
    .where('users.disabled_at', 'is', null)
    .execute();
}

/** Marks a case reminded at `at` unless it already was. @returns whether it was marked now */
export async function markRetentionReminded(db: Database, reportId: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('reports')
    .set({ retention_reminded_at: at })
    .where('id', '=', reportId)
    .where('retention_reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
