/**
 * 0011 — e-mail intake (issue 10 item 5). `mail_messages` holds one row per e-mail taken in as a report, keyed by a
 * keyed hash of its Message-ID (HMAC under a subkey of the server secret, hex), so that a second delivery of the
 * same message makes no second report, while a copy of the database alone cannot confirm that a known message was
 * received. No sender, subject or report id is kept. Frozen once shipped; imports nothing from the application.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_messages')
    .addColumn('message_key', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mail_messages').execute();
}
