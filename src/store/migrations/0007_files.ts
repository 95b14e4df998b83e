/**
 * 0007 — file sizes only sealed, blobs in format 2 (issue 8 items 6 and 10). `files.blob_format` says how a row's
 * blobs are encrypted: 1 for rows written before (the data itself, no associated data), 2 for rows written now
 * (padded to a size bucket, every chunk bound to its file and role; src/crypto/stream.ts). The exact sizes leave
 * the clear columns: new rows keep them in their sealed metadata; rows written before have them nowhere but in
 * their blobs' lengths, which a format-1 blob gives exactly anyway. Frozen once shipped; imports nothing from the
 * application.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('files')
    .addColumn('blob_format', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  for (const name of ['original_size', 'cleaned_size']) await db.schema.alterTable('files').dropColumn(name).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The sizes cannot come back (they are sealed now): rows get 0, the blob's length for format 1 being the only
  // record of a size.
  await db.schema
    .alterTable('files')
    .addColumn('original_size', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('files').addColumn('cleaned_size', 'integer').execute();
  await sql`update files set cleaned_size = 0 where cleaned_blob is not null`.execute(db);
  await db.schema.alterTable('files').dropColumn('blob_format').execute();
}
