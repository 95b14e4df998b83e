/**
 * Opens the database: SQLite (WAL) in the data folder by default, PostgreSQL when a `postgres://` URL is given.
 * The same Kysely code serves both; the dialect is configuration.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { migrationProvider } from './migrations/index.ts';
import type { Tables } from './tables.ts';

export type Database = Kysely<Tables>;
export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** `postgres://…` for PostgreSQL; otherwise SQLite at `sqliteFile`. */
  url?: string | undefined;
  /** SQLite file path (created with its folder when missing), or ':memory:'. */
  sqliteFile: string;
}

export interface OpenDatabase {
  db: Database;
  dialect: Dialect;
  close(): Promise<void>;
}

// PostgreSQL returns BIGINT/NUMERIC as strings by default; our integers fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openDatabase(options: DatabaseOptions): OpenDatabase {
  if (options.url && /^postgres(ql)?:\/\//.test(options.url)) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (options.url) throw new Error(`DATABASE_URL must start with postgres:// (got "${options.url.split(':')[0]}:…")`);
  if (options.sqliteFile !== ':memory:')
    fs.mkdirSync(path.dirname(options.sqliteFile), { recursive: true, mode: 0o700 });
  const sqlite = new SQLite(options.sqliteFile);
  sqlite.pragma('journal_mode = WAL');
  // A committed submission must survive a power cut: its reporter already holds the receipt. In WAL mode SQLite's
  // default here (better-sqlite3 builds with DEFAULT_WAL_SYNCHRONOUS=1, NORMAL, once the file is in WAL mode) syncs
  // the log only at checkpoints, so the last commits can roll back; FULL syncs it at every commit.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted content must not linger in free pages of the file.
  sqlite.pragma('secure_delete = ON');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Brings the schema to the latest migration. @throws Error naming the failed migration. */
export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db: db as unknown as Kysely<unknown>, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error)
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String((error as Error).message ?? error)}`, {
      cause: error,
    });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Undoes every migration (tests of the migrations only). */
export async function migrateDownAll(db: Database): Promise<void> {
  const migrator = new Migrator({ db: db as unknown as Kysely<unknown>, provider: migrationProvider });
  for (;;) {
    const { error, results } = await migrator.migrateDown();
    if (error) throw error;
    if (!results || results.length === 0) return;
  }
}

/** A cheap query to check that the database answers. */
export async function ping(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}
