/**
 * Staff as the case workspace needs them (`users`): the categories each works on, who can be granted a case, and
 * names and public keys of the people a change is about.
 */
import type { Database } from './database.ts';

/** The id and username of a user by id; undefined when there is none. */
export function findUserNameById(db: Database, userId: string) {
  return db.selectFrom('users').select(['id', 'username']).where('id', '=', userId).executeTakeFirst();
}

/** Sets the categories a user works on: a JSON array of category ids, or null for every category. */
export async function updateUserCategories(db: Database, userId: string, categories: string | null): Promise<void> {
  await db.updateTable('users').set({ categories }).where('id', '=', userId).execute();
}

/** Enabled, activated users of these roles, by display name: id, username, display name, role, categories. */
export function listActiveStaff(db: Database, roles: readonly string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'categories'])
    .where('disabled_at', 'is', null)
    .where('activated_at', 'is not', null)
    .where('role', 'in', [...roles])
    .orderBy('display_name')
    .execute();
}

/** A user with what a change of case access needs (display name, role, public key, state, categories). */
export function findStaffMember(db: Database, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'public_key', 'disabled_at', 'activated_at', 'categories'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Display names of the users with these ids that exist, by id. */
export async function findDisplayNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((u) => [u.id, u.display_name]));
}

/** A user's display name; throws when there is no such user. */
export async function getDisplayName(db: Database, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirstOrThrow();
  return row.display_name;
}

/** A user's X25519 public key (32 bytes); throws when there is no such user. */
export async function getUserPublicKey(db: Database, userId: string): Promise<Buffer> {
  const row = await db.selectFrom('users').select('public_key').where('id', '=', userId).executeTakeFirstOrThrow();
  return row.public_key;
}
