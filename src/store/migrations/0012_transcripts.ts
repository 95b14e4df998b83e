/**
 * 0012 — transcripts and minutes of oral reports (EU 2019/1937 Art. 18): a call or meeting documented in text
 * sealed under the report key, an optional recording kept as a file of the report, the reporter's corrections
 * (each its own row, sealed under the report key, never replacing the text) and their confirmation. Frozen once
 * shipped; imports nothing from the application.
 */
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const bin = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  const cascade = (table: string) => (c: ColumnDefinitionBuilder) =>
    c.notNull().references(`${table}.id`).onDelete('cascade');

  await db.schema
    .createTable('transcripts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', cascade('reports'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sealed_text', bin, (c) => c.notNull())
    .addColumn('recording_file_id', 'text', (c) => c.references('files.id').onDelete('set null'))
    .addColumn('recording_deleted_at', 'text')
    .addColumn('author_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .execute();
  await db.schema.createIndex('transcripts_report').on('transcripts').columns(['report_id', 'created_at']).execute();

  await db.schema
    .createTable('transcript_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('transcript_id', 'text', cascade('transcripts'))
    .addColumn('sealed_text', bin, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('transcript_corrections_transcript')
    .on('transcript_corrections')
    .columns(['transcript_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('transcript_corrections').execute();
  await db.schema.dropTable('transcripts').execute();
}
