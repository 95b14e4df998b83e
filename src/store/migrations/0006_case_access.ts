/**
 * 0006 — case access (issue 8 items 6 and 13).
 * - `original_keys`: approving an 'open_original' request re-seals that one original's file key to the requester,
 *   instead of the report's evidence private key, which opened every original of the report — later ones too.
 *   Evidence grants passed on that way before (the only `evidence` grants with a `granted_by`; those given at
 *   submission have none) are deleted: a copy of the database taken from now on no longer holds them. The keys
 *   they carried cannot be taken back from a copy made before.
 * - `reports.sealed_exclusions`: who is excluded from a case (the person's id, why, a note, by whom, when), sealed
 *   under the case key as one list per case, written for every new report, so that a copy of the database no longer
 *   names the staff a complaint names, nor tells whether it names anyone. Rows of `exclusions` written before (in
 *   clear) cannot be sealed here, without keys: they stay, and are still honoured; the application seals them into
 *   the list and deletes them when a manager's session next reads the case's access.
 * Frozen once shipped; imports nothing from the application.
 */
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const bin = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  const cascade = (table: string) => (c: ColumnDefinitionBuilder) =>
    c.notNull().references(`${table}.id`).onDelete('cascade');

  await db.schema
    .createTable('original_keys')
    .addColumn('file_id', 'text', cascade('files'))
    .addColumn('user_id', 'text', cascade('users'))
    .addColumn('report_id', 'text', cascade('reports'))
    .addColumn('sealed_key', bin, (c) => c.notNull())
    .addColumn('granted_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('original_keys_pk', ['file_id', 'user_id'])
    .execute();
  await db.schema.createIndex('original_keys_report').on('original_keys').columns(['report_id', 'user_id']).execute();
  await sql`delete from grants where scope = 'evidence' and granted_by is not null`.execute(db);

  await db.schema.alterTable('reports').addColumn('sealed_exclusions', bin).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Exclusions sealed since cannot go back into clear rows without keys: they are lost with the column.
  await db.schema.alterTable('reports').dropColumn('sealed_exclusions').execute();
  // The evidence grants deleted by up() do not come back: nothing but a holder's session could seal them again.
  await db.schema.dropTable('original_keys').execute();
}
