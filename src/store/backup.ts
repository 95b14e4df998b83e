/**
 * What backups need of the database: a consistent copy taken while the server runs (SQLite `VACUUM INTO`; PostgreSQL
 * a repeatable-read transaction whose snapshot pg_dump shares), the blobs that copy references, and counts for the
 * restore's summary.
 */
import { sql } from 'kysely';
import type { Database } from './database.ts';

/** Every blob id the `files` rows reference (originals and cleaned copies), sorted, without repeats. */
export async function listAllReferencedBlobs(db: Database): Promise<string[]> {
  const rows = await db.selectFrom('files').select(['original_blob', 'cleaned_blob']).execute();
  const ids = new Set(rows.flatMap((r) => [r.original_blob, r.cleaned_blob]).filter((id): id is string => !!id));
  return [...ids].sort();
}

/**
 * SQLite: writes a consistent copy of the whole database into `file` (which must not exist) while others go on
 * reading and writing (https://sqlite.org/lang_vacuum.html#vacuuminto).
 */
export async function copySqliteInto(db: Database, file: string): Promise<void> {
  await sql`vacuum into ${file}`.execute(db);
}

/**
 * PostgreSQL: runs `fn` inside a repeatable-read transaction with its snapshot exported, so that `pg_dump
 * --snapshot=ID` and the queries `fn` makes through `tx` see the very same data
 * (https://www.postgresql.org/docs/15/functions-admin.html#FUNCTIONS-SNAPSHOT-SYNCHRONIZATION).
 */
export async function withExportedSnapshot<T>(
  db: Database,
  fn: (snapshot: string, tx: Database) => Promise<T>,
): Promise<T> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(tx);
      return fn(rows[0]!.id, tx);
    });
}

/** How many reports and files the database holds. */
export async function countContents(db: Database): Promise<{ reports: number; files: number }> {
  const count = async (table: 'reports' | 'files') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { reports: await count('reports'), files: await count('files') };
}

/** The newest migration the database has applied (names sort in order), or null. */
export async function newestMigration(db: Database): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(
    db,
  );
  return rows[0]?.name ?? null;
}
