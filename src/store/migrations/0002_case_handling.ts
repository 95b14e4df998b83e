/**
 * 0002 — case handling: queue deadline, acknowledgement time, risk assessment, exclusions, links, labels, staff
 * e-mail notifications and deadline reminders. Frozen once shipped; imports nothing from the application.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** The queue sorts by this when a case has no deadline: after every real one. */
const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

export async function up(db: Kysely<unknown>): Promise<void> {
  const bin = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';

  await db.schema.alterTable('reports').addColumn('acknowledged_at', 'text').execute();
  await db.schema.alterTable('reports').addColumn('risk_level', 'text').execute();
  await db.schema
    .alterTable('reports')
    .addColumn('due_at', 'text', (c) => c.notNull().defaultTo(NO_DEADLINE))
    .execute();
  // Existing cases: the acknowledgement deadline while received, the feedback deadline after, none when closed.
  await sql`update reports set due_at = coalesce(
      case when status = 'closed' then null
           when status = 'received' then coalesce(acknowledgement_due_at, feedback_due_at)
           else feedback_due_at end, ${NO_DEADLINE})`.execute(db);
  await db.schema.createIndex('reports_queue').on('reports').columns(['urgent desc', 'due_at', 'id']).execute();
  await db.schema
    .createIndex('reports_category_queue')
    .on('reports')
    .columns(['category', 'urgent desc', 'due_at', 'id'])
    .execute();

  // Statistics read only these columns: a covering index answers them without touching the rows.
  await db.schema
    .createIndex('reports_statistics')
    .on('reports')
    .columns(['received_at', 'category', 'channel', 'acknowledged_at', 'closed_at', 'acknowledgement_due_at'])
    .execute();

  await db.schema
    .alterTable('messages')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('message'))
    .execute();

  await db.schema.alterTable('users').addColumn('email', 'text').execute();
  await db.schema.alterTable('users').addColumn('last_notified_at', 'text').execute();

  await db.schema
    .createTable('exclusions')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('sealed_note', bin)
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exclusions_pk', ['report_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('links')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('other_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('first_report_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('links_pk', ['report_id', 'other_id'])
    .execute();
  await db.schema.createIndex('links_other').on('links').column('other_id').execute();

  await db.schema
    .createTable('case_labels')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_labels_pk', ['report_id', 'label'])
    .execute();
  await db.schema.createIndex('case_labels_label').on('case_labels').columns(['label', 'report_id']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_pending').on('notifications').columns(['sent_at', 'user_id']).execute();

  await db.schema
    .createTable('reminders')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminders_pk', ['report_id', 'kind', 'due_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['reminders', 'notifications', 'case_labels', 'links', 'exclusions'])
    await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('reports_statistics').execute();
  await db.schema.dropIndex('reports_category_queue').execute();
  await db.schema.dropIndex('reports_queue').execute();
  for (const [table, column] of [
    ['users', 'last_notified_at'],
    ['users', 'email'],
    ['messages', 'kind'],
    ['reports', 'due_at'],
    ['reports', 'risk_level'],
    ['reports', 'acknowledged_at'],
  ] as const)
    await db.schema.alterTable(table).dropColumn(column).execute();
}
