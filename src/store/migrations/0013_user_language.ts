/**
 * 0013 — the staff member's own language for the workspace and for the notice mails sent to them: a BCP 47 tag of
 * a shipped language ('en', 'zh-CN', 'ar'), null until they choose one (the browser's language is used then, and
 * English in mail). Frozen once shipped; imports nothing from the application.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('language').execute();
}
