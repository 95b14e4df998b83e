/** What the reporter's side reads: the report behind a receipt, and what the reporter sees of their report. */
import type { Database } from './database.ts';

/**
 * The receipt verifier, its salt and costs, the wrapped report key and whether the receipt is to be replaced at its
 * first use, of the report with this locator, if any.
 */
export function findReceiptRow(db: Database, locator: string) {
  return db
    .selectFrom('reports')
    .select(['id', 'receipt_salt', 'receipt_verifier', 'reporter_wrapped_key', 'receipt_kdf', 'receipt_rotate'])
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

/**
 * The files staff sent with replies to the reporter that have a cleaned copy (the only copy the reporter is given),
 * with the reply's id, in the order they were sent.
 */
export function listReplyFiles(db: Database, reportId: string) {
  return db
    .selectFrom('files')
    .innerJoin('messages', 'messages.id', 'files.message_id')
    .select([
      'files.id',
      'files.message_id',
      'files.sealed_meta',
      'files.original_blob',
      'files.cleaned_blob',
      'files.blob_format',
      'files.created_at',
    ])
    .where('files.report_id', '=', reportId)
    .where('messages.report_id', '=', reportId)
    .where('messages.visibility', '=', 'reporter')
    .where('files.author', '=', 'staff')
    .where('files.cleaned_blob', 'is not', null)
    .orderBy('files.created_at')
    .orderBy('files.position')
    .execute();
}

/** One file of `listReplyFiles` by id, only if it belongs to `reportId`; undefined otherwise. */
export function findReplyFile(db: Database, reportId: string, fileId: string) {
  return db
    .selectFrom('files')
    .innerJoin('messages', 'messages.id', 'files.message_id')
    .select(['files.id', 'files.sealed_meta', 'files.original_blob', 'files.cleaned_blob', 'files.blob_format'])
    .where('files.id', '=', fileId)
    .where('files.report_id', '=', reportId)
    .where('messages.report_id', '=', reportId)
    .where('messages.visibility', '=', 'reporter')
    .where('files.author', '=', 'staff')
    .where('files.cleaned_blob', 'is not', null)
    .executeTakeFirst();
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

/** Records that the reporter wrote or added files at `at` (ISO 8601): updated, and unread for staff who saw it before. */
export async function markReporterActivity(db: Database, reportId: string, at: string): Promise<void> {
  await db
    .updateTable('reports')
    .set({ updated_at: at, reporter_activity_at: at })
    .where('id', '=', reportId)
    .execute();
}

/**
 * Sets a report's receipt columns to `columns` and clears `receipt_rotate`, only while the report still has the
 * receipt `oldLocator` marked for rotation. @returns whether the row was updated (false: already replaced)
 */
export async function replaceReceiptColumns(
  db: Database,
  reportId: string,
  oldLocator: string,
  columns: {
    receipt_locator: string;
    receipt_salt: Buffer;
    receipt_kdf: string;
    receipt_verifier: Buffer;
    reporter_wrapped_key: Buffer;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('reports')
    .set({ ...columns, receipt_rotate: 0 })
    .where('id', '=', reportId)
    .where('receipt_locator', '=', oldLocator)
    .where('receipt_rotate', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
