/** What the reporter's side reads: the report behind a receipt, and what the reporter sees of their report. */
import type { Database } from './database.ts';

/** The receipt verifier, its salt and costs, and the wrapped report key of the report with this locator, if any. */
export function findReceiptRow(db: Database, locator: string) {
  return db
    .selectFrom('reports')
    .select(['id', 'receipt_salt', 'receipt_verifier', 'reporter_wrapped_key', 'receipt_kdf'])
    .where('receipt_locator', '=', locator)
    .executeTakeFirst();
}

/** The whole report row, if it exists. */
export function findWholeReport(db: Database, reportId: string) {
  return db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst();
}

/** The files the reporter added, in the order they were sent. */
export function listReporterFiles(db: Database, reportId: string) {
  return db
    .selectFrom('files')
    .select(['id', 'sealed_meta', 'original_blob', 'cleaned_blob', 'blob_format', 'created_at'])
    .where('report_id', '=', reportId)
    .where('author', '=', 'reporter')
    .orderBy('created_at')
    .orderBy('position')
    .execute();
}

/** The messages the reporter may see (their own and staff replies), oldest first. */
export function listReporterMessages(db: Database, reportId: string) {
  return db
    .selectFrom('messages')
    .select(['id', 'author', 'kind', 'sealed_body', 'created_at'])
    .where('report_id', '=', reportId)
    .where('visibility', '=', 'reporter')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A report's evidence public key (32 bytes), if the report exists. */
export function findEvidenceKeyOfReport(db: Database, reportId: string) {
  return db.selectFrom('reports').select('evidence_public_key').where('id', '=', reportId).executeTakeFirst();
}

/** Marks a report changed at `at` (ISO 8601). */
export async function touchReport(db: Database, reportId: string, at: string): Promise<void> {
  await db.updateTable('reports').set({ updated_at: at }).where('id', '=', reportId).execute();
}
