/**
 * 0008 — the columns and indexes that 0001, 0002, 0004 and 0006 gained after they were first committed. A database
 * migrated before those edits recorded the migration by name and so never ran the added lines. Each item is made
 * only where absent, so on a database created since (every fresh one) this migration changes nothing:
 * - 0001 `files.position` (order of files within a submission): added with default 0 — files stored before it
 *   keep no order, so they all sort at 0 (then by id), as they did;
 * - 0002 index `reports_statistics`;
 * - 0004 `users.activated_at` (set to `created_at`: accounts of before were created with keys, as 0004 does),
 *   `invitation_hash`, `invitation_expires_at`, `invited_by`, `invitation_approved_by`, and the indexes
 *   `files_original_blob`, `files_cleaned_blob`, `audit_subject`, `audit_actor`, `audit_at`;
 * - 0006 `reports.sealed_exclusions`.
 * down() does nothing: what it added belongs to the earlier migrations' schema, whose down() removes it.
 * Frozen once shipped; imports nothing from the application.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const bin = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  const tables = await db.introspection.getTables();
  const has = (table: string, column: string) =>
    tables.some((t) => t.name === table && t.columns.some((c) => c.name === column));

  if (!has('files', 'position'))
    await db.schema
      .alterTable('files')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  if (!has('users', 'activated_at')) {
    await db.schema.alterTable('users').addColumn('activated_at', 'text').execute();
    await sql`update users set activated_at = created_at`.execute(db);
  }
  for (const name of ['invitation_hash', 'invitation_expires_at', 'invited_by', 'invitation_approved_by'])
    if (!has('users', name)) await db.schema.alterTable('users').addColumn(name, 'text').execute();
  if (!has('reports', 'sealed_exclusions'))
    await db.schema.alterTable('reports').addColumn('sealed_exclusions', bin).execute();

  const indexes: [name: string, table: string, columns: string[]][] = [
    [
      'reports_statistics',
      'reports',
      ['received_at', 'category', 'channel', 'acknowledged_at', 'closed_at', 'acknowledgement_due_at'],
    ],
    ['files_original_blob', 'files', ['original_blob']],
    ['files_cleaned_blob', 'files', ['cleaned_blob']],
    ['audit_subject', 'audit', ['subject', 'seq']],
    ['audit_actor', 'audit', ['actor', 'seq']],
    ['audit_at', 'audit', ['at', 'seq']],
  ];
  for (const [name, table, columns] of indexes)
    await db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();
}

export async function down(): Promise<void> {
  // Nothing: see the header.
}
