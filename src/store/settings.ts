/**
 * The `settings` table (installation-wide key/value rows: profile, server secret, setup token hash, Argon2id legacy
 * marker) and the one-off recording of Argon2id costs on rows made before migration 0005.
 */
import type { Database } from './database.ts';

/** The value of setting `key`, or undefined. */
export async function findSetting(db: Database, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Sets `key` to `value`, replacing any value it had. */
export async function upsertSetting(db: Database, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Sets `key` to `value` only when it has none (a concurrent writer's value wins). */
export async function insertSettingIfMissing(db: Database, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

/** Deletes setting `key`. */
export async function deleteSetting(db: Database, key: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}

/**
 * Writes `costs` (encoded Argon2id parameters) on every verifier that has none: activated users' password and
 * recovery wraps, and reports' receipts.
 */
export async function fillMissingArgon2Costs(db: Database, costs: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_kdf: costs })
    .where('password_kdf', 'is', null)
    .where('activated_at', 'is not', null)
    .execute();
  await db
    .updateTable('users')
    .set({ recovery_kdf: costs })
    .where('recovery_kdf', 'is', null)
    .where('activated_at', 'is not', null)
    .execute();
  await db.updateTable('reports').set({ receipt_kdf: costs }).where('receipt_kdf', 'is', null).execute();
}
