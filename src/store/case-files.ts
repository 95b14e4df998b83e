/** The files of a case as the case workspace reads them (`files`): metadata and keys sealed, blobs named. */
import type { Database } from './database.ts';

/** Every file row of a case, in submission order. */
export function listCaseFileRows(db: Database, reportId: string) {
  return db
    .selectFrom('files')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('position')
    .execute();
}

/** One file row of a case; undefined when the case has no such file. */
export function findCaseFile(db: Database, reportId: string, fileId: string) {
  return db
    .selectFrom('files')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}

/** A file's id and its file key sealed to the report's evidence public key; throws when the case has no such file. */
export function getOriginalKeyOfFile(db: Database, reportId: string, fileId: string) {
  return db
    .selectFrom('files')
    .select(['id', 'sealed_original_key'])
    .where('id', '=', fileId)
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow();
}
