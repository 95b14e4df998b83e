/**
 * Opens the database: SQLite (WAL) in the data folder by default, PostgreSQL when a `postgres://` URL is given.
 * The same Kysely code serves both; the dialect is configuration.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type SqliteDialectConfig,
} from 'kysely';
import { migrationProvider } from './migrations/index.ts';
import type { Tables } from './tables.ts';

export type Database = Kysely<Tables>;
export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseOptions {
  /** `postgres://…` for PostgreSQL; otherwise SQLite at `sqliteFile`. */
  url?: string | undefined;
  /** SQLite file path (created, mode 0600, with its folder, 0700, when missing), or ':memory:'. */
  sqliteFile: string;
}

export interface OpenDatabase {
  db: Database;
  dialect: Dialect;
  close(): Promise<void>;
}

// PostgreSQL returns BIGINT/NUMERIC as strings by default; our integers fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** How long a new PostgreSQL connection may take before the query that needed it fails (ms). */
const CONNECT_TIMEOUT_MS = 5_000;

export function openDatabase(options: DatabaseOptions): OpenDatabase {
  if (options.url && /^postgres(ql)?:\/\//.test(options.url)) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An idle connection that PostgreSQL ends (a restart, a failover, an administrator) is dropped from the pool and
    // the next query opens a new one. Unheard, the pool's 'error' event would end the process.
    pool.on('error', (error: Error & { code?: string }) =>
      console.warn(
        `PostgreSQL ended an idle connection (${error.code ?? 'no code'}: ${error.message}); the next query opens a new one.`,
      ),
    );
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  if (options.url) throw new Error(`DATABASE_URL must start with postgres:// (got "${options.url.split(':')[0]}:…")`);
  if (options.sqliteFile !== ':memory:') keepPrivate(options.sqliteFile);
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
  const db = new Kysely<Tables>({ dialect: new CauseKeepingSqliteDialect(sqlite) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** The database `options` name, in words and without the password: `SQLite /abs/confide.sqlite`, `PostgreSQL u@h:5432/db`. */
export function databaseLabel(options: DatabaseOptions): string {
  if (!options.url) return `SQLite ${path.resolve(options.sqliteFile)}`;
  const url = new URL(options.url);
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  return `PostgreSQL ${user}${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname || '/'}`;
}

/**
 * Whether the database holds a Confide installation (the migrations table), creating nothing: no SQLite file, no
 * folder, no table. @throws Error when PostgreSQL cannot be reached
 */
export async function holdsInstallation(options: DatabaseOptions): Promise<boolean> {
  const table = 'kysely_migration';
  if (!options.url) {
    if (!fs.existsSync(options.sqliteFile)) return false;
    const sqlite = new SQLite(options.sqliteFile, { readonly: true, fileMustExist: true });
    try {
      return sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(table) !== undefined;
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    return (await client.query('select 1 from information_schema.tables where table_name = $1', [table])).rowCount! > 0;
  } finally {
    await client.end();
  }
}

/**
 * Makes the SQLite file (and its folder, 0700) before SQLite opens it, readable and writable by this user only
 * (0600), so that there is no moment when it is not; SQLite gives its `-wal` and `-shm` files the mode of the
 * database file. Files left 0644 by earlier versions are narrowed to 0600.
 */
function keepPrivate(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    const mode = fs.statSync(f, { throwIfNoEntry: false })?.mode;
    if (mode !== undefined && (mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
  }
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

/** The names of the migrations this version of Confide knows, in order. */
export async function knownMigrations(): Promise<string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort();
}

/** How many of Confide's migrations the database has not applied (0: the schema is current). */
export async function pendingMigrations(db: Database): Promise<number> {
  const migrator = new Migrator({ db: db as unknown as Kysely<unknown>, provider: migrationProvider });
  return (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).length;
}

/** A cheap query to check that the database answers. */
export async function ping(db: Database): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * Kysely's SQLite dialect, except that transactions take the write lock when they begin, and that a transaction
 * SQLite has already rolled back itself is not rolled back again.
 * On SQLITE_FULL, SQLITE_IOERR and the like SQLite may end the transaction at once; Kysely's own "rollback" then
 * fails ("cannot rollback - no transaction is active") and that error replaces the one that said what happened.
 */
class CauseKeepingSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override createDriver(): SqliteDriver {
    return new CauseKeepingSqliteDriver(this.sqlite, { database: this.sqlite });
  }
}

class CauseKeepingSqliteDriver extends SqliteDriver {
  constructor(
    private readonly sqlite: SQLite.Database,
    config: SqliteDialectConfig,
  ) {
    super(config);
  }

  /**
   * `BEGIN IMMEDIATE`: the transaction takes the write lock at once, waiting for it up to busy_timeout. A deferred
   * `BEGIN` reads first and fails at once with SQLITE_BUSY ("database is locked", no waiting) when another process —
   * a second worker, a CLI command — committed a write meanwhile (https://sqlite.org/lang_transaction.html).
   */
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}
