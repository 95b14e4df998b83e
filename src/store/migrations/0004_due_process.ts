/**
 * 0004 — reporter protection and due process: approval requests (two-person rule) with their keys, identity added
 * later by the reporter, protection requests, procedural action records, certificates of receipt, retention and
 * legal hold, staff two-factor sign-in, password resets and category staff. Frozen once shipped; imports nothing
 * from the application.
 */
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const bin = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  const cascade = (table: string) => (c: ColumnDefinitionBuilder) =>
    c.notNull().references(`${table}.id`).onDelete('cascade');

  for (const [name, type] of [
    ['identity_public_key', bin],
    ['sealed_identity_secret', bin],
    ['identity_added_at', 'text'],
    ['legal_hold_at', 'text'],
    ['sealed_legal_hold_reason', bin],
    ['retention_ends_at', 'text'],
    ['retention_reminded_at', 'text'],
    ['protection_requested_at', 'text'],
  ] as const)
    await db.schema.alterTable('reports').addColumn(name, type).execute();
  await db.schema.createIndex('reports_retention').on('reports').columns(['retention_ends_at', 'id']).execute();

  for (const [name, type] of [
    ['totp_sealed_secret', bin],
    ['totp_enabled_at', 'text'],
    ['totp_last_step', 'integer'],
    ['password_reset_at', 'text'],
    ['categories', 'text'],
  ] as const)
    await db.schema.alterTable('users').addColumn(name, type).execute();
  // Invitations (issue 4, tester's findings): an administrator creates an account without keys and hands over a
  // one-time code (only its hash is kept, until it expires); the person's own activation creates the key pair, the
  // password wrap and the recovery key. Until then the key columns hold empty buffers (they are NOT NULL since 0001,
  // and SQLite cannot relax that without rebuilding a table ten others reference) and activated_at is null: nothing
  // is sealed to such an account. Accounts that existed before were created with keys, so they count as activated.
  for (const name of ['activated_at', 'invitation_hash', 'invitation_expires_at'])
    await db.schema.alterTable('users').addColumn(name, 'text').execute();
  await sql`update users set activated_at = created_at`.execute(db);
  // Two-person rule on new accounts: an invitation works only once a second administrator, not the one who made it,
  // has approved it — so one administrator alone cannot make an account they control.
  for (const name of ['invited_by', 'invitation_approved_by'])
    await db.schema.alterTable('users').addColumn(name, 'text').execute();

  // Retention (issue 4 item 8): the abandoned-upload sweep asks, for a batch of blob ids, which ones a file references.
  await db.schema.createIndex('files_original_blob').on('files').column('original_blob').execute();
  await db.schema.createIndex('files_cleaned_blob').on('files').column('cleaned_blob').execute();

  await db.schema
    .createTable('requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', cascade('reports'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('sealed_details', bin, (c) => c.notNull())
    .addColumn('sealed_reporter_notice', bin)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('sealed_decision_note', bin)
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('requests_report').on('requests').columns(['report_id', 'created_at']).execute();
  await db.schema.createIndex('requests_status').on('requests').columns(['status', 'kind', 'created_at']).execute();

  await db.schema
    .createTable('request_keys')
    .addColumn('request_id', 'text', cascade('requests'))
    .addColumn('user_id', 'text', cascade('users'))
    .addColumn('sealed_key', bin, (c) => c.notNull())
    .addPrimaryKeyConstraint('request_keys_pk', ['request_id', 'user_id'])
    .execute();
  await db.schema.createIndex('request_keys_user').on('request_keys').columns(['user_id', 'request_id']).execute();

  await db.schema
    .createTable('identity_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', cascade('reports'))
    .addColumn('sealed_identity', bin, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identity_statements_report').on('identity_statements').column('report_id').execute();

  await db.schema
    .createTable('protection_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', cascade('reports'))
    .addColumn('sealed_details', bin, (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('responded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('outcome', 'text')
    .addColumn('sealed_outcome_note', bin)
    .execute();
  await db.schema.createIndex('protection_requests_report').on('protection_requests').column('report_id').execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', cascade('reports'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('officer_ids', 'text', (c) => c.notNull())
    .addColumn('sealed_details', bin, (c) => c.notNull())
    .addColumn('recording_file_id', 'text', (c) => c.references('files.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('actions_report').on('actions').columns(['report_id', 'at']).execute();

  await db.schema
    .createTable('certificates')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', cascade('reports'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('certificates_report').on('certificates').column('report_id').execute();

  // Reading the audit log (issue 4 item 9): the accesses to one report (the reporter's follow-up page, oversight by
  // reference) and one actor's entries, newest first; and a date range turned into a range of sequence numbers.
  await db.schema.createIndex('audit_subject').on('audit').columns(['subject', 'seq']).execute();
  await db.schema.createIndex('audit_actor').on('audit').columns(['actor', 'seq']).execute();
  await db.schema.createIndex('audit_at').on('audit').columns(['at', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The audit log's reading indexes (see up()).
  for (const name of ['audit_at', 'audit_actor', 'audit_subject']) await db.schema.dropIndex(name).execute();
  for (const table of [
    'certificates',
    'actions',
    'protection_requests',
    'identity_statements',
    'request_keys',
    'requests',
  ])
    await db.schema.dropTable(table).execute();
  // The abandoned-upload sweep's indexes (see up()).
  for (const name of ['files_cleaned_blob', 'files_original_blob']) await db.schema.dropIndex(name).execute();
  // Invitations (see up()).
  for (const name of [
    'invitation_approved_by',
    'invited_by',
    'invitation_expires_at',
    'invitation_hash',
    'activated_at',
  ])
    await db.schema.alterTable('users').dropColumn(name).execute();
  for (const name of ['categories', 'password_reset_at', 'totp_last_step', 'totp_enabled_at', 'totp_sealed_secret'])
    await db.schema.alterTable('users').dropColumn(name).execute();
  await db.schema.dropIndex('reports_retention').execute();
  for (const name of [
    'protection_requested_at',
    'retention_reminded_at',
    'retention_ends_at',
    'sealed_legal_hold_reason',
    'legal_hold_at',
    'identity_added_at',
    'sealed_identity_secret',
    'identity_public_key',
  ])
    await db.schema.alterTable('reports').dropColumn(name).execute();
}
