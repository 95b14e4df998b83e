/**
 * The `reports` row of a case as the case workspace reads and writes it: whole rows, the columns a step needs,
 * versioned updates (optimistic concurrency) and the sealed exclusion list's compare-and-swap.
 */
import { sql, type Updateable } from 'kysely';
import type { Database } from './database.ts';
import type { ReportsTable } from './tables.ts';

/** The whole row of a report; undefined when there is none. */
export function findReport(db: Database, reportId: string) {
  return db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst();
}

/** The category id of a report; undefined when there is none. */
export function findReportCategory(db: Database, reportId: string) {
  return db.selectFrom('reports').select('category').where('id', '=', reportId).executeTakeFirst();
}

/** What a status change reads: status, version, category, risk level and the deadlines (ISO 8601 UTC). */
export function findReportForStatus(db: Database, reportId: string) {
  return db
    .selectFrom('reports')
    .select([
      'status',
      'version',
      'category',
      'risk_level',
      'acknowledgement_due_at',
      'feedback_due_at',
      'acknowledged_at',
    ])
    .where('id', '=', reportId)
    .executeTakeFirst();
}

/** What marking a case urgent reads: status, version, category, received and feedback-due times, urgent (0/1). */
export function findReportForTriage(db: Database, reportId: string) {
  return db
    .selectFrom('reports')
    .select(['status', 'version', 'category', 'received_at', 'feedback_due_at', 'urgent'])
    .where('id', '=', reportId)
    .executeTakeFirst();
}

/** A report's reference and time received; throws when there is no such row. */
export function getReportReferenceAndReceipt(db: Database, reportId: string) {
  return db
    .selectFrom('reports')
    .select(['received_at', 'reference'])
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
}

/** A report's evidence public key (X25519, 32 bytes); throws when there is no such row. */
export function getReportEvidencePublicKey(db: Database, reportId: string) {
  return db.selectFrom('reports').select('evidence_public_key').where('id', '=', reportId).executeTakeFirstOrThrow();
}

/**
 * Updates a report row if it is still at `version`, and bumps the version.
 * @returns how many rows were updated (0 when someone wrote in between, or there is no such row)
 */
export async function updateReportAtVersion(
  db: Database,
  reportId: string,
  version: number,
  set: Omit<Updateable<ReportsTable>, 'version'>,
): Promise<number> {
  const updated = await db
    .updateTable('reports')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', reportId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows);
}

/** Sets columns of a report row (no version check). @returns how many rows were updated (0 or 1) */
export async function updateReport(
  db: Database,
  reportId: string,
  set: Omit<Updateable<ReportsTable>, 'version'>,
): Promise<number> {
  const updated = await db.updateTable('reports').set(set).where('id', '=', reportId).executeTakeFirst();
  return Number(updated.numUpdatedRows);
}

/** A report's sealed exclusion list (null before 0006 or when none was written); undefined without the report. */
export function findSealedExclusions(db: Database, reportId: string) {
  return db.selectFrom('reports').select('sealed_exclusions').where('id', '=', reportId).executeTakeFirst();
}

/**
 * Writes a report's sealed exclusion list if the stored one is still `read` (compare and swap on the ciphertext;
 * null: none stored). @returns how many rows were updated (0 when someone wrote in between)
 */
export async function swapSealedExclusions(
  db: Database,
  reportId: string,
  read: Buffer | null,
  sealed: Buffer,
): Promise<number> {
  const update = db.updateTable('reports').set({ sealed_exclusions: sealed }).where('id', '=', reportId);
  const done = await (
    read === null ? update.where('sealed_exclusions', 'is', null) : update.where('sealed_exclusions', '=', read)
  ).executeTakeFirst();
  return Number(done.numUpdatedRows);
}
