/**
 * 0010 — files on staff replies, and unread reporter activity per staff member:
 * - `files.message_id`: the reply a staff file belongs to (null for reporter files and files of no message);
 * - `reports.reporter_activity_at`: when the reporter last wrote or added files (ISO 8601), null if never since
 *   the report; set from the existing reporter messages and files, so cases are not shown unread for old activity
 *   only because the column is new;
 * - `case_reads (user_id, report_id, seen_at)`: when a staff member last opened a case (gone with the case or the
 *   account); the queue joins it on its
 *   primary key, so that "unread" costs one index probe per listed case.
 * Frozen once shipped; imports nothing from the application.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('files').addColumn('message_id', 'text').execute();
  await db.schema.createIndex('files_message').on('files').columns(['message_id']).execute();
  await db.schema.alterTable('reports').addColumn('reporter_activity_at', 'text').execute();
  await sql`update reports set reporter_activity_at = (
      select max(a.at) from (
        select m.created_at as at from messages m where m.report_id = reports.id and m.author = 'reporter'
        union all
        select f.created_at as at from files f where f.report_id = reports.id and f.author = 'reporter'
      ) a
    )`.execute(db);
  await db.schema
    .createTable('case_reads')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_reads_pk', ['user_id', 'report_id'])
    .execute();
  await db.schema.createIndex('case_reads_report').on('case_reads').columns(['report_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_reads').execute();
  await db.schema.alterTable('reports').dropColumn('reporter_activity_at').execute();
  await db.schema.dropIndex('files_message').execute();
  await db.schema.alterTable('files').dropColumn('message_id').execute();
}
