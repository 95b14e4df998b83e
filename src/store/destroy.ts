/**
 * Destroying a case's rows, and making deleted rows leave the database files: the row lock, the deletes that no
 * foreign key cascades, and the engine's own scrubbing (SQLite WAL checkpoint, PostgreSQL VACUUM).
 */
import { sql } from 'kysely';
import type { Database, Dialect } from './database.ts';

/**
 * Reads a report's destruction columns and locks its row until the transaction ends (PostgreSQL: SELECT … FOR
 * UPDATE; SQLite runs one write transaction at a time). @returns undefined when the report is gone
 */
export function lockReportForUpdate(db: Database, dialect: Dialect, reportId: string) {
  let q = db
    .selectFrom('reports')
    .select(['id', 'category', 'status', 'receipt_locator', 'legal_hold_at'])
    .select(['retention_ends_at', 'retention_reminded_at'])
    .where('id', '=', reportId);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The blob ids (cleaned copy, original) of each of a report's files. */
export function listReportFileBlobs(db: Database, reportId: string) {
  return db.selectFrom('files').select(['cleaned_blob', 'original_blob']).where('report_id', '=', reportId).execute();
}

/**
 * Deletes a report's row (the foreign keys cascade to its other rows) and the rows no cascade reaches: its
 * reporter sessions and its action records (the receipt's throttle row goes through the domain's throttle module).
 */
export async function deleteReportRows(db: Database, reportId: string): Promise<void> {
  await db.deleteFrom('sessions').where('report_id', '=', reportId).execute();
  await db.deleteFrom('actions').where('report_id', '=', reportId).execute();
  await db.deleteFrom('reports').where('id', '=', reportId).execute();
}

/** Of these blob ids, the ones some file row references (as its original or cleaned copy). */
export async function listReferencedBlobs(db: Database, ids: string[]): Promise<Set<string>> {
  const rows = await db
    .selectFrom('files')
    .select(['original_blob', 'cleaned_blob'])
    .where((eb) => eb.or([eb('original_blob', 'in', ids), eb('cleaned_blob', 'in', ids)]))
    .execute();
  return new Set(rows.flatMap((r) => [r.original_blob, r.cleaned_blob]).filter((id): id is string => id !== null));
}

/** SQLite: checkpoints the write-ahead log into the database file and truncates it. @returns false when busy */
export async function checkpointWal(db: Database): Promise<boolean> {
  const { rows } = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  return rows[0]?.busy === 0;
}

/** PostgreSQL: VACUUM (or VACUUM FULL, which rewrites them into new files) the named tables. */
export async function vacuumTables(db: Database, tables: readonly string[], full: boolean): Promise<void> {
  const list = sql.raw(tables.join(', '));
  await (full ? sql`vacuum full ${list}` : sql`vacuum ${list}`).execute(db);
}
