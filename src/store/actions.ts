/** Procedural action records (the `actions` table), the officers they name, and the rows recording one writes. */
import type { Insertable } from 'kysely';
import type { Database } from './database.ts';
import type { ActionsTable, FilesTable } from './tables.ts';

/** Active (activated, not disabled) accounts of `roles`: id and display name, by display name. */
export function listActiveUsersInRoles(db: Database, roles: readonly string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('disabled_at', 'is', null)
    .where('activated_at', 'is not', null)
    .where('role', 'in', [...roles])
    .orderBy('display_name')
    .execute();
}

/** Those of `ids` that are active accounts of `roles`: their ids. */
export function listActiveUserIdsInRoles(db: Database, ids: string[], roles: readonly string[]) {
  return db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', ids)
    .where('disabled_at', 'is', null)
    .where('activated_at', 'is not', null)
    .where('role', 'in', [...roles])
    .execute();
}

/** Inserts a file row (a recording kept with its action). */
export async function insertActionRecordingFile(db: Database, row: Insertable<FilesTable>): Promise<void> {
  await db.insertInto('files').values(row).execute();
}

/** Inserts one action record. */
export async function insertAction(db: Database, row: Insertable<ActionsTable>): Promise<void> {
  await db.insertInto('actions').values(row).execute();
}

/** Sets a report's `updated_at` (ISO 8601). */
export async function setReportUpdatedAt(db: Database, reportId: string, at: string): Promise<void> {
  await db.updateTable('reports').set({ updated_at: at }).where('id', '=', reportId).execute();
}

/** A case's action records (or the one `onlyId`), by time then id, with the recorder's display name. */
export function listActionRows(db: Database, reportId: string, onlyId?: string) {
  let q = db
    .selectFrom('actions as a')
    .leftJoin('users as u', 'u.id', 'a.created_by')
    .select(['a.id', 'a.kind', 'a.at', 'a.request_id', 'a.officer_ids', 'a.sealed_details'])
    .select(['a.recording_file_id', 'a.created_at', 'u.display_name'])
    .where('a.report_id', '=', reportId);
  if (onlyId) q = q.where('a.id', '=', onlyId);
  return q.orderBy('a.at').orderBy('a.id').execute();
}

/** Display names of the accounts `ids`, by id (accounts since deleted are absent). */
export async function findDisplayNames(db: Database, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((u) => [u.id, u.display_name]));
}
