/**
 * `tsx bench/queue/seed.ts --dialect sqlite|postgres --cases 100000 (--data-dir DIR | --database-url URL)`
 *
 * Seeds a database for the queue benchmark: migrated by the app's own code (buildDeps: openDatabase +
 * migrateToLatest), one supervisor and one handler made with addUser (Argon2id lowered to 1 MiB, t=1: only sign-in
 * uses it), then N reports of a two-year history (generate.ts) with their grants and some labels, written in batches
 * of 1,000 rows per multi-row INSERT inside transactions, and ANALYZE at the end. Refuses a database that already
 * has reports. Writes `seed.json` into the data folder when done; run.ts reuses a folder that has one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { putSetting } from '../../src/domain/accounts/setup.ts';
import { addUser } from '../../src/domain/accounts/users.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import { buildDeps } from '../../src/server/deps.ts';
import type { Database } from '../../src/store/database.ts';
import { caseGenerator, type Batch } from './generate.ts';
import { databaseName, ensureDatabase } from './postgres.ts';

/** Bench-only accounts (the passwords guard nothing: a benchmark database holds no real report). */
export const SEED_USERS = {
  supervisor: { username: 'bench-supervisor', password: 'bench-queue-supervisor-password' },
  handler: { username: 'bench-handler', password: 'bench-queue-handler-password' },
} as const;

/** The configuration seed.ts and app-server.ts share: a password made with these costs only opens with them. */
export function seedEnv(dataDir: string, databaseUrl: string | undefined): Record<string, string> {
  return {
    CONFIDE_DATA_DIR: dataDir,
    // The cheapest costs configuration accepts: the benchmark measures the queue, not sign-in.
    CONFIDE_ARGON2_MEMORY_KIB: '19456',
    CONFIDE_ARGON2_TIME_COST: '2',
    // The benchmark signs its seeded users in with a password only.
    CONFIDE_TOTP_REQUIRED_ROLES: 'none',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

export type Dialect = 'sqlite' | 'postgres';

export interface SeedInfo {
  dialect: Dialect;
  /** PostgreSQL: the database's name */
  database?: string | undefined;
  cases: number;
  grants: number;
  labels: number;
  /** seconds of writing rows (without ANALYZE) */
  insertSeconds: number;
  /** seconds of ANALYZE (PostgreSQL: VACUUM ANALYZE) */
  analyzeSeconds: number;
  seededAt: string;
  node: string;
}

const SEED_FILE = 'seed.json';
const BATCH = 1000;

/** The seed record of a finished seeding in `dataDir`, or undefined. */
export function readSeedInfo(dataDir: string): SeedInfo | undefined {
  const file = path.join(dataDir, SEED_FILE);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SeedInfo) : undefined;
}

/** SQLite binds at most 32,766 variables a statement; a multi-row insert binds one per column and row. */
const MAX_VARIABLES = 32_000;

function chunks<T extends object>(rows: T[]): T[][] {
  if (rows.length === 0) return [];
  const size = Math.max(1, Math.floor(MAX_VARIABLES / Object.keys(rows[0]!).length));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

async function insertBatch(db: Database, b: Batch): Promise<void> {
  for (const rows of chunks(b.reports)) await db.insertInto('reports').values(rows).execute();
  for (const rows of chunks(b.grants)) await db.insertInto('grants').values(rows).execute();
  for (const rows of chunks(b.labels)) await db.insertInto('case_labels').values(rows).execute();
}

const n = (x: number) => Math.round(x).toLocaleString('en');

/**
 * @param o.databaseUrl a PostgreSQL database (created when missing); SQLite in `dataDir` without it
 * @throws Error when the database already holds reports
 */
export async function seed(o: {
  dialect: Dialect;
  cases: number;
  dataDir: string;
  databaseUrl?: string | undefined;
  progress(line: string): void;
}): Promise<SeedInfo> {
  if ((o.dialect === 'postgres') !== (o.databaseUrl !== undefined))
    throw new Error('give a database URL for postgres, and none for sqlite');
  if (o.databaseUrl) await ensureDatabase(o.databaseUrl);
  const built = await buildDeps(loadConfig(seedEnv(o.dataDir, o.databaseUrl)));
  const { deps } = built;
  const db = deps.db;
  try {
    const existing = await db
      .selectFrom('reports')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    if (Number(existing.n) > 0)
      throw new Error(`this database already has ${existing.n} reports: seed an empty one (or drop it first)`);
    await putSetting(deps, 'profile', 'national-security');
    const supervisor = await addUser(deps, { ...SEED_USERS.supervisor, role: 'supervisor' });
    const handler = await addUser(deps, { ...SEED_USERS.handler, role: 'handler' });
    if (o.dialect === 'sqlite') {
      // This connection only: no fsync per commit, and 1 GiB of page cache for the random-order index inserts.
      await sql`pragma synchronous = off`.execute(db);
      await sql`pragma cache_size = -1048576`.execute(db);
    }
    const generator = caseGenerator({
      total: o.cases,
      now: new Date(),
      supervisorId: supervisor.user.id,
      handlerId: handler.user.id,
    });
    const perTransaction = o.dialect === 'sqlite' ? 20 * BATCH : 5 * BATCH;
    const started = performance.now();
    let lastReport = started;
    let grants = 0;
    let labels = 0;
    for (let from = 0; from < o.cases; from += perTransaction) {
      const to = Math.min(o.cases, from + perTransaction);
      await db.transaction().execute(async (trx) => {
        for (let b = from; b < to; b += BATCH) {
          const batch = generator.batch(b, Math.min(to, b + BATCH));
          grants += batch.grants.length;
          labels += batch.labels.length;
          await insertBatch(trx, batch);
        }
      });
      const now = performance.now();
      if (now - lastReport > 2000 || to === o.cases) {
        lastReport = now;
        const rate = to / ((now - started) / 1000);
        o.progress(
          `  ${n(to)} / ${n(o.cases)} reports (${((100 * to) / o.cases).toFixed(0)} %), ${n(rate)} reports/s, ` +
            `ETA ${n((o.cases - to) / rate)} s`,
        );
      }
    }
    const insertSeconds = (performance.now() - started) / 1000;
    o.progress(
      `  ${n(o.cases)} reports, ${n(grants)} grants, ${n(labels)} labels in ${insertSeconds.toFixed(0)} s; ANALYZE…`,
    );
    const analyzeStart = performance.now();
    if (o.dialect === 'sqlite') {
      await sql`analyze`.execute(db);
      await sql`pragma wal_checkpoint(truncate)`.execute(db);
    } else {
      // VACUUM also sets the visibility map, as autovacuum would have long done on a production database.
      await sql`vacuum analyze`.execute(db);
    }
    const analyzeSeconds = (performance.now() - analyzeStart) / 1000;
    o.progress(`  ANALYZE took ${analyzeSeconds.toFixed(0)} s`);
    const info: SeedInfo = {
      dialect: o.dialect,
      database: o.databaseUrl ? databaseName(o.databaseUrl) : undefined,
      cases: o.cases,
      grants,
      labels,
      insertSeconds,
      analyzeSeconds,
      seededAt: new Date().toISOString(),
      node: process.version,
    };
    fs.writeFileSync(path.join(o.dataDir, SEED_FILE), `${JSON.stringify(info, null, 2)}\n`);
    return info;
  } finally {
    await built.close();
  }
}

const USAGE = `usage: tsx bench/queue/seed.ts --dialect sqlite|postgres --cases N (--data-dir DIR | --database-url URL)
  --data-dir      folder of the SQLite database (required for sqlite; for postgres it only holds seed.json)
  --database-url  postgres://… of the database to seed (created when missing; must hold no reports)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      dialect: { type: 'string', default: 'sqlite' },
      cases: { type: 'string', default: '100000' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const dialect = values.dialect;
  if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error(`--dialect takes sqlite or postgres\n${USAGE}`);
  const cases = Number(values.cases);
  if (!Number.isInteger(cases) || cases < 1) throw new Error(`--cases must be a whole number ≥ 1\n${USAGE}`);
  const url = values['database-url'];
  if (dialect === 'postgres' && !url) throw new Error(`--dialect postgres needs --database-url\n${USAGE}`);
  if (dialect === 'sqlite' && !values['data-dir']) throw new Error(`--dialect sqlite needs --data-dir\n${USAGE}`);
  const dataDir = path.resolve(values['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'confide-queue-seed-')));
  console.error(
    `seeding ${cases.toLocaleString('en')} cases into ${dialect === 'sqlite' ? dataDir : `${url} (seed.json in ${dataDir})`}…`,
  );
  const info = await seed({
    dialect,
    cases,
    dataDir,
    databaseUrl: dialect === 'postgres' ? url : undefined,
    progress: console.error,
  });
  console.error(`done: ${JSON.stringify(info)}`);
  console.error(`users: ${SEED_USERS.supervisor.username} / ${SEED_USERS.handler.username} (Argon2id 1 MiB, t=1)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
