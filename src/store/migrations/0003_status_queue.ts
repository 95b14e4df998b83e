/**
 * 0003 — the queue filtered by status, in queue order (without it SQLite reads every case of that status and sorts
 * them). Frozen once shipped; imports nothing from the application.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('reports_status_queue')
    .on('reports')
    .columns(['status', 'urgent desc', 'due_at', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('reports_status_queue').execute();
}
