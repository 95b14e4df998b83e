/**
 * Taking a report in: the staff a new report may go to, and the rows written at submission (the report, its
 * grants, its files) in the caller's transaction.
 */
import type { Insertable } from 'kysely';
import type { Database } from './database.ts';
import type { Tables } from './tables.ts';

/** Active (not disabled) staff accounts with what choosing a report's recipients needs; `public_key` null until activated. */
export function findActiveStaffForIntake(db: Database) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'public_key', 'categories', 'activated_at'])
    .where('disabled_at', 'is', null)
    .execute();
}

/** Active, activated accounts of these roles: (role, categories) — `categories` a JSON list, null for every category. */
export function findActivatedStaffRoles(db: Database, roles: string[]) {
  return db
    .selectFrom('users')
    .select(['role', 'categories'])
    .where('disabled_at', 'is', null)
    .where('activated_at', 'is not', null)
    .where('role', 'in', roles)
    .execute();
}

/** Inserts a new report row. */
export async function insertReport(db: Database, row: Insertable<Tables['reports']>): Promise<void> {
  await db.insertInto('reports').values(row).execute();
}

/** Inserts grant rows (none: nothing written). */
export async function insertGrants(db: Database, rows: Insertable<Tables['grants']>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('grants').values(rows).execute();
}

/** Inserts file rows (none: nothing written). */
export async function insertFiles(db: Database, rows: Insertable<Tables['files']>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('files').values(rows).execute();
}

/** Stores the sealed channel facts of a report an operator recorded (`reports.sealed_intake`). */
export async function setSealedIntake(db: Database, reportId: string, sealed: Buffer): Promise<void> {
  await db.updateTable('reports').set({ sealed_intake: sealed }).where('id', '=', reportId).execute();
}
