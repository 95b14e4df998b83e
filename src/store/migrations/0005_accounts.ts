/**
 * 0005 — staff accounts and sessions (issue 8): the second, approving half of an invitation; the Argon2id costs each
 * verifier was made with; the last activity of a session. Frozen once shipped; imports nothing from the application.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // An invitation is two one-time codes: the issuing administrator hands over the first, the approving one the
  // second. Only each code's BLAKE2b hash is kept (hex), until the account is activated or the codes expire.
  await db.schema.alterTable('users').addColumn('invitation_approval_hash', 'text').execute();
  // The Argon2id costs of each stored verifier, as JSON {"m": KiB, "t": passes, "p": lanes}, so that costs can be
  // raised later without breaking the sign-in of what was made under the old ones. Null: made before this
  // migration, under the costs configured then (the server records those at its first start after it).
  for (const name of ['password_kdf', 'recovery_kdf'])
    await db.schema.alterTable('users').addColumn(name, 'text').execute();
  await db.schema.alterTable('reports').addColumn('receipt_kdf', 'text').execute();
  // Sessions end after a time without activity as well as at a fixed cap from sign-in (expires_at).
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await sql`update sessions set last_seen_at = created_at`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute();
  await db.schema.alterTable('reports').dropColumn('receipt_kdf').execute();
  for (const name of ['recovery_kdf', 'password_kdf', 'invitation_approval_hash'])
    await db.schema.alterTable('users').dropColumn(name).execute();
}
