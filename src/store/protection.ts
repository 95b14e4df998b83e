/** Protection requests: the rows behind asking for protection and answering it, and their effect on the case row. */
import { sql } from 'kysely';
import type { Database, Dialect } from './database.ts';
import type { Tables } from './tables.ts';

/** The earliest response due (ISO 8601) on the case's unanswered protection requests; null when none is open. */
export async function pendingProtectionDue(db: Database, reportId: string): Promise<string | null> {
  const row = await db
    .selectFrom('protection_requests')
    .select('due_at')
    .where('report_id', '=', reportId)
    .where('responded_at', 'is', null)
    .orderBy('due_at')
    .limit(1)
    .executeTakeFirst();
  return row?.due_at ?? null;
}

/** Active users holding a case grant on the report, sorted by id, each once. */
export async function listActiveCaseHolders(db: Database, reportId: string): Promise<string[]> {
  const holders = await db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select('users.id')
    .where('grants.report_id', '=', reportId)
    .where('grants.scope', '=', 'case')
    .where('users.disabled_at', 'is', null)
    .execute();
  return [...new Set(holders.map((u) => u.id))].sort();
}

/**
 * Makes a concurrent protection request on the same report wait for this transaction: a row lock on PostgreSQL;
 * nothing on SQLite, which runs one write transaction at a time.
 */
export async function lockReportForProtection(db: Database, dialect: Dialect, reportId: string): Promise<void> {
  if (dialect === 'postgres')
    await db.selectFrom('reports').select('id').where('id', '=', reportId).forUpdate().execute();
}

/** Unanswered protection requests of a report made at or after `since` (ISO 8601), oldest first. */
export function listRecentOpenRequests(db: Database, reportId: string, since: string) {
  return db
    .selectFrom('protection_requests')
    .select(['id', 'sealed_details', 'requested_at', 'due_at'])
    .where('report_id', '=', reportId)
    .where('responded_at', 'is', null)
    .where('requested_at', '>=', since)
    .orderBy('requested_at')
    .execute();
}

/** Stores a new, unanswered protection request. */
export async function insertProtectionRequest(
  db: Database,
  row: { id: string; reportId: string; sealedDetails: Buffer; requestedAt: string; dueAt: string },
): Promise<void> {
  await db
    .insertInto('protection_requests')
    .values({
      id: row.id,
      report_id: row.reportId,
      sealed_details: row.sealedDetails,
      requested_at: row.requestedAt,
      due_at: row.dueAt,
      responded_at: null,
      responded_by: null,
      outcome: null,
      sealed_outcome_note: null,
    })
    .execute();
}

/**
 * Marks the report urgent and protection-requested at `at`, and moves its next deadline to `dueAt` when that comes
 * first. One statement, so it needs no version read; the version still moves, so a staff change computed from the
 * row before this one is refused as a conflict rather than overwriting the new deadline.
 */
export async function markProtectionRequested(db: Database, reportId: string, at: string, dueAt: string) {
  await db
    .updateTable('reports')
    .set({
      urgent: 1,
      protection_requested_at: at,
      due_at: sql<string>`case when due_at < ${dueAt} then due_at else ${dueAt} end`,
      updated_at: at,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', reportId)
    .execute();
}

/** Whether the report has an unanswered protection request other than `exceptId`. */
export async function hasOtherOpenRequest(db: Database, reportId: string, exceptId: string): Promise<boolean> {
  const row = await db
    .selectFrom('protection_requests')
    .select('id')
    .where('report_id', '=', reportId)
    .where('responded_at', 'is', null)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A report's protection requests as the reporter sees them, oldest first. */
export function listReporterProtectionRows(db: Database, reportId: string) {
  return db
    .selectFrom('protection_requests')
    .select(['id', 'requested_at', 'due_at', 'responded_at', 'outcome'])
    .where('report_id', '=', reportId)
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
}

/** A report's protection requests with their sealed columns and the responder's name, oldest first. */
export function listProtectionRows(db: Database, reportId: string) {
  return db
    .selectFrom('protection_requests as p')
    .leftJoin('users as u', 'u.id', 'p.responded_by')
    .select([
      'p.id',
      'p.requested_at',
      'p.due_at',
      'p.responded_at',
      'p.outcome',
      'p.sealed_details',
      'p.sealed_outcome_note',
      'u.display_name',
    ])
    .where('p.report_id', '=', reportId)
    .orderBy('p.requested_at')
    .orderBy('p.id')
    .execute();
}

/** One protection request of a report, if it exists: when it was made and answered. */
export function findProtectionRequest(db: Database, reportId: string, requestId: string) {
  return db
    .selectFrom('protection_requests')
    .select(['id', 'requested_at', 'responded_at'])
    .where('id', '=', requestId)
    .where('report_id', '=', reportId)
    .executeTakeFirst();
}

/** The deadline columns of a report and its version, if it exists. */
export function findReportDeadlines(db: Database, reportId: string) {
  return db
    .selectFrom('reports')
    .select(['status', 'version', 'acknowledgement_due_at', 'feedback_due_at'])
    .where('id', '=', reportId)
    .executeTakeFirst();
}

/**
 * Records the response to a protection request still unanswered.
 * @returns false when it was answered meanwhile (nothing written)
 */
export async function answerProtectionRequest(
  db: Database,
  requestId: string,
  answer: Pick<Tables['protection_requests'], 'responded_at' | 'responded_by' | 'outcome' | 'sealed_outcome_note'>,
): Promise<boolean> {
  const updated = await db
    .updateTable('protection_requests')
    .set(answer)
    .where('id', '=', requestId)
    .where('responded_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
