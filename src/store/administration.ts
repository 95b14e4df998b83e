/**
 * The administered profile (0014): published versions, administrators' drafts and changes waiting for a second
 * administrator; and a user's role.
 */
import type { Insertable } from 'kysely';
import type { Database } from './database.ts';
import type { AdminChangesTable, ProfileVersionsTable } from './tables.ts';

/** The highest published version, or undefined while the profile files (version 0) are in force. */
export function findLatestVersion(db: Database) {
  return db.selectFrom('profile_versions').selectAll().orderBy('number', 'desc').limit(1).executeTakeFirst();
}

export function findVersion(db: Database, number: number) {
  return db.selectFrom('profile_versions').selectAll().where('number', '=', number).executeTakeFirst();
}

/** Published versions, newest first, without their sources. */
export function listVersions(db: Database, limit: number) {
  return db
    .selectFrom('profile_versions')
    .select(['number', 'diff', 'published_by', 'approved_by', 'note', 'published_at'])
    .orderBy('number', 'desc')
    .limit(limit)
    .execute();
}

/** Inserts a version; the primary key refuses a second version with the same number (a concurrent publish). */
export async function insertVersion(db: Database, row: Insertable<ProfileVersionsTable>): Promise<void> {
  await db.insertInto('profile_versions').values(row).execute();
}

export function findDraft(db: Database, userId: string) {
  return db.selectFrom('profile_drafts').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function upsertDraft(
  db: Database,
  row: { user_id: string; source: string; base_number: number; updated_at: string },
): Promise<void> {
  const { user_id: _, ...rest } = row;
  await db
    .insertInto('profile_drafts')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet(rest))
    .execute();
}

export async function deleteDraft(db: Database, userId: string): Promise<void> {
  await db.deleteFrom('profile_drafts').where('user_id', '=', userId).execute();
}

export async function insertChange(db: Database, row: Insertable<AdminChangesTable>): Promise<void> {
  await db.insertInto('admin_changes').values(row).execute();
}

export function findChange(db: Database, id: string) {
  return db.selectFrom('admin_changes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Pending changes first (oldest first), then the latest decided ones; at most `limit`. */
export function listChanges(db: Database, limit: number) {
  return db
    .selectFrom('admin_changes')
    .selectAll()
    .orderBy((eb) => eb.case().when('status', '=', 'pending').then(0).else(1).end())
    .orderBy('requested_at', 'desc')
    .limit(limit)
    .execute();
}

/** Pending changes of `kind` about `subject` (a user id), to refuse a second one while one waits. */
export function findPendingChange(db: Database, kind: string, subject: string | null) {
  let q = db.selectFrom('admin_changes').select('id').where('status', '=', 'pending').where('kind', '=', kind);
  q = subject === null ? q.where('subject', 'is', null) : q.where('subject', '=', subject);
  return q.executeTakeFirst();
}

/**
 * Decides a pending change: sets status, decider and time only while it is still pending.
 * @returns whether it was pending (false: someone decided it first)
 */
export async function decideChange(
  db: Database,
  id: string,
  decision: { status: string; decided_by: string | null; decided_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('admin_changes')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Marks pending changes requested before `before` expired. @returns how many */
export async function expireChanges(db: Database, before: string, at: string): Promise<number> {
  const result = await db
    .updateTable('admin_changes')
    .set({ status: 'expired', decided_at: at })
    .where('status', '=', 'pending')
    .where('requested_at', '<', before)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Sets a user's role. @returns whether the user exists */
export async function updateUserRole(db: Database, id: string, role: string): Promise<boolean> {
  const result = await db.updateTable('users').set({ role }).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Active, activated administrators' ids. */
export async function listActiveAdministrators(db: Database): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'administrator')
    .where('disabled_at', 'is', null)
    .where('activated_at', 'is not', null)
    .execute();
  return rows.map((r) => r.id);
}

/** How many cases `userId` holds a grant of any scope on. */
export async function countUserGrants(db: Database, userId: string): Promise<number> {
  const row = await db
    .selectFrom('grants')
    .select((eb) => eb.fn.count<number>('report_id').distinct().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
