/**
 * Seeded databases, kept between runs: seeding a million cases takes minutes, measuring them seconds. A kept
 * dataset is a folder `<keep>/<dialect>-<cases>/` (SQLite's file, or for PostgreSQL only seed.json) and, for
 * PostgreSQL, the database `confide_bench_queue_<keep folder's hash>_<cases>` (two keep folders never share one).
 * A folder without seed.json is an interrupted seeding: it is wiped and seeded again. Without a keep folder,
 * datasets are temporary and removed at the end.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onCleanup } from '../lib/cleanup.ts';
import { databaseExists, dropDatabase, withDatabase } from './postgres.ts';
import { readSeedInfo, seed, type Dialect, type SeedInfo } from './seed.ts';

export const DEFAULT_KEEP_DIR = path.join(os.tmpdir(), 'confide-bench-queue');

export interface Dataset {
  dialect: Dialect;
  cases: number;
  dataDir: string;
  databaseUrl: string | undefined;
  seed: SeedInfo;
  /** seeded by an earlier run */
  reused: boolean;
}

/** The kept PostgreSQL database of `cases` cases for the keep folder `keepDir`. */
export const keptName = (keepDir: string, cases: number) =>
  `confide_bench_queue_${createHash('sha256').update(path.resolve(keepDir)).digest('hex').slice(0, 6)}_${cases}`;

/**
 * @param o.keepDir where datasets are kept; undefined for a temporary one (removed, database dropped, at clean-up)
 * @param o.postgresUrl any database on the PostgreSQL server (a superuser's: databases are created and dropped)
 */
export async function dataset(o: {
  dialect: Dialect;
  cases: number;
  keepDir: string | undefined;
  postgresUrl: string;
  progress(line: string): void;
}): Promise<Dataset> {
  const pg = o.dialect === 'postgres';
  let dataDir: string;
  let databaseUrl: string | undefined;
  if (o.keepDir) {
    dataDir = path.join(o.keepDir, `${o.dialect}-${o.cases}`);
    databaseUrl = pg ? withDatabase(o.postgresUrl, keptName(o.keepDir, o.cases)) : undefined;
    const info = readSeedInfo(dataDir);
    if (info && info.cases === o.cases && (!databaseUrl || (await databaseExists(databaseUrl)))) {
      o.progress(
        `reusing ${o.dialect} with ${o.cases.toLocaleString('en')} cases seeded ${info.seededAt} (${dataDir})`,
      );
      return { dialect: o.dialect, cases: o.cases, dataDir, databaseUrl, seed: info, reused: true };
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) await dropDatabase(databaseUrl);
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `confide-bench-queue-${o.dialect}-`));
    onCleanup(`remove ${dataDir}`, () => fs.rmSync(dataDir, { recursive: true, force: true }));
    if (pg) {
      const url = withDatabase(o.postgresUrl, `confide_bench_queue_tmp_${process.pid}_${o.cases}`);
      databaseUrl = url;
      onCleanup(`drop database of ${o.cases} cases`, () => dropDatabase(url));
    }
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  o.progress(
    `seeding ${o.dialect} with ${o.cases.toLocaleString('en')} cases into ${databaseUrl ? new URL(databaseUrl).pathname.slice(1) : dataDir}…`,
  );
  const info = await seed({ dialect: o.dialect, cases: o.cases, dataDir, databaseUrl, progress: o.progress });
  return { dialect: o.dialect, cases: o.cases, dataDir, databaseUrl, seed: info, reused: false };
}

/** Removes every kept dataset: the folder and the PostgreSQL databases recorded in it. */
export async function removeKept(
  keepDir: string,
  postgresUrl: string,
  progress: (line: string) => void,
): Promise<void> {
  if (!fs.existsSync(keepDir)) return progress(`nothing kept in ${keepDir}`);
  for (const entry of fs.readdirSync(keepDir)) {
    const m = /^postgres-(\d+)$/.exec(entry);
    if (!m) continue;
    const name = keptName(keepDir, Number(m[1]));
    await dropDatabase(withDatabase(postgresUrl, name));
    progress(`dropped database ${name}`);
  }
  fs.rmSync(keepDir, { recursive: true, force: true });
  progress(`removed ${keepDir}`);
}
