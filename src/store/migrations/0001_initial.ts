/**
 * 0001 — the initial schema. Frozen: never edit a migration that has shipped; add a new one.
 * Imports nothing from the application. Times are ISO 8601 UTC strings (sortable as text); booleans are 0/1;
 * sealed values are binary (BLOB on SQLite, BYTEA on PostgreSQL).
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const bin = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('public_key', bin, (c) => c.notNull())
    .addColumn('password_salt', bin, (c) => c.notNull())
    .addColumn('password_verifier', bin, (c) => c.notNull())
    .addColumn('wrapped_secret_key', bin, (c) => c.notNull())
    .addColumn('recovery_salt', bin, (c) => c.notNull())
    .addColumn('recovery_verifier', bin, (c) => c.notNull())
    .addColumn('recovery_wrapped_secret_key', bin, (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('report_id', 'text')
    .addColumn('sealed_key', bin, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_report').on('sessions').column('report_id').execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('acknowledgement_due_at', 'text')
    .addColumn('feedback_due_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('receipt_locator', 'text', (c) => c.notNull().unique())
    .addColumn('receipt_salt', bin, (c) => c.notNull())
    .addColumn('receipt_verifier', bin, (c) => c.notNull())
    .addColumn('reporter_wrapped_key', bin, (c) => c.notNull())
    .addColumn('evidence_public_key', bin, (c) => c.notNull())
    .addColumn('sealed_answers', bin, (c) => c.notNull())
    .addColumn('sealed_identity', bin, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reports_received').on('reports').columns(['received_at', 'id']).execute();
  await db.schema.createIndex('reports_status').on('reports').columns(['status', 'received_at']).execute();

  await db.schema
    .createTable('grants')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('sealed_key', bin, (c) => c.notNull())
    .addColumn('granted_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grants_pk', ['report_id', 'user_id', 'scope'])
    .execute();
  await db.schema.createIndex('grants_user').on('grants').columns(['user_id', 'scope', 'report_id']).execute();

  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('cleaning', 'text', (c) => c.notNull())
    .addColumn('cleaned_blob', 'text')
    .addColumn('cleaned_size', 'integer')
    .addColumn('sealed_meta', bin, (c) => c.notNull())
    .addColumn('original_blob', 'text', (c) => c.notNull())
    .addColumn('original_size', 'integer', (c) => c.notNull())
    .addColumn('sealed_original_key', bin, (c) => c.notNull())
    .addColumn('sealed_original_meta', bin, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('files_report').on('files').columns(['report_id', 'created_at']).execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('sealed_body', bin, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('messages_report').on('messages').columns(['report_id', 'created_at']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('sealed_reason', bin)
    .execute();
  await db.schema.createIndex('case_events_report').on('case_events').columns(['report_id', 'at']).execute();

  await db.schema
    .createTable('receipt_displays')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('sealed_receipt', bin, (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('reason', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'job_leases',
    'audit',
    'throttle',
    'receipt_displays',
    'case_events',
    'messages',
    'files',
    'grants',
    'reports',
    'sessions',
    'users',
    'settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
