/** Transcripts and minutes of oral reports, the reporter's corrections, and the recording files they point to. */
import type { Insertable } from 'kysely';
import type { Database } from './database.ts';
import type { FilesTable, TranscriptsTable } from './tables.ts';

/** Inserts one transcript row. */
export async function insertTranscript(db: Database, row: Insertable<TranscriptsTable>): Promise<void> {
  await db.insertInto('transcripts').values(row).execute();
}

/** Inserts a file row (a recording kept with its transcript). */
export async function insertRecordingFile(db: Database, row: Insertable<FilesTable>): Promise<void> {
  await db.insertInto('files').values(row).execute();
}

/** A report's transcripts (or the one `onlyId`), oldest first, with the author's display name. */
export function listTranscriptRows(db: Database, reportId: string, onlyId?: string) {
  let q = db
    .selectFrom('transcripts as t')
    .leftJoin('users as u', 'u.id', 't.author_user_id')
    .select(['t.id', 't.kind', 't.sealed_text', 't.recording_file_id', 't.recording_deleted_at'])
    .select(['t.created_at', 't.confirmed_at', 'u.display_name'])
    .where('t.report_id', '=', reportId);
  if (onlyId) q = q.where('t.id', '=', onlyId);
  return q.orderBy('t.created_at').orderBy('t.id').execute();
}

/** The corrections of a report's transcripts, oldest first. */
export function listCorrectionRows(db: Database, reportId: string) {
  return db
    .selectFrom('transcript_corrections as c')
    .innerJoin('transcripts as t', 't.id', 'c.transcript_id')
    .select(['c.id', 'c.transcript_id', 'c.sealed_text', 'c.created_at'])
    .where('t.report_id', '=', reportId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** One transcript of a report: its state; undefined when the report has no such transcript. */
export function findReportTranscript(db: Database, reportId: string, transcriptId: string) {
  return db
    .selectFrom('transcripts')
    .select(['id', 'confirmed_at', 'recording_file_id'])
    .where('report_id', '=', reportId)
    .where('id', '=', transcriptId)
    .executeTakeFirst();
}

/**
 * Takes the transcript's row lock until the transaction ends, if it is not yet confirmed (an UPDATE that changes
 * nothing: PostgreSQL waits for a concurrent confirmation and then sees it; SQLite runs one writer at a time).
 * @returns whether it is still unconfirmed
 */
export async function lockUnconfirmedTranscript(db: Database, transcriptId: string): Promise<boolean> {
  const result = await db
    .updateTable('transcripts')
    .set({ confirmed_at: null })
    .where('id', '=', transcriptId)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Inserts a reporter's correction. */
export async function insertCorrection(
  db: Database,
  row: { id: string; transcript_id: string; sealed_text: Buffer; created_at: string },
): Promise<void> {
  await db.insertInto('transcript_corrections').values(row).execute();
}

/** Marks a transcript confirmed unless it already is. @returns whether this call confirmed it */
export async function markTranscriptConfirmed(db: Database, transcriptId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('transcripts')
    .set({ confirmed_at: at })
    .where('id', '=', transcriptId)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Deletes a recording's file row and records on its transcript when it went.
 * @returns the blob ids the row referenced (original, cleaned copy), to delete after the commit
 */
export async function deleteRecordingFile(
  db: Database,
  input: { reportId: string; transcriptId: string; fileId: string; at: string },
): Promise<string[]> {
  const file = await db
    .selectFrom('files')
    .select(['original_blob', 'cleaned_blob'])
    .where('id', '=', input.fileId)
    .where('report_id', '=', input.reportId)
    .executeTakeFirst();
  await db
    .updateTable('transcripts')
    .set({ recording_file_id: null, recording_deleted_at: input.at })
    .where('id', '=', input.transcriptId)
    .execute();
  if (!file) return [];
  await db.deleteFrom('files').where('id', '=', input.fileId).where('report_id', '=', input.reportId).execute();
  return file.cleaned_blob ? [file.original_blob, file.cleaned_blob] : [file.original_blob];
}
