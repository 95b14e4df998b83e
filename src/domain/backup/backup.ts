/**
 * `confide backup DIR`: a consistent copy of an installation while it runs — the database (SQLite `VACUUM INTO`, or
 * `pg_dump` in the custom format, uncompressed: ciphertext does not compress) and every blob that copy references,
 * read through the blob store (a folder or S3 alike) — and a manifest of sizes and SHA-256 written last.
 *
 * Consistency: the blobs are those the database copy references. A case destroyed after the copy was taken loses
 * its blobs before they are copied (rows go first, then blobs: domain/retention/destroy.ts); when a blob is missing,
 * the copy is taken again — the destroyed case is then no longer in it — and its blobs already copied are dropped.
 * A backup holds only what the database and the store hold: sealed rows and encrypted blobs, never clear text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream/promises';
import type { Deps } from '../deps.ts';
import { BLOB_MARKER_SETTING } from '../storage/blob-marker.ts';
import { findSetting } from '../../store/settings.ts';
import {
  copySqliteInto,
  countContents,
  listAllReferencedBlobs,
  newestMigration,
  withExportedSnapshot,
} from '../../store/backup.ts';
import { openDatabase, type Database } from '../../store/database.ts';
import { runPgTool } from '../../store/pg-tools.ts';
import { BackupError, describeFile, writeManifest, type Manifest, type ManifestFile } from './manifest.ts';

const VERSION = (createRequire(import.meta.url)('../../../package.json') as { version: string }).version;
/** Times the database copy is taken again when blobs it references were destroyed meanwhile. */
const ATTEMPTS = 3;

export interface BackupProgress {
  (line: string): void;
}

export interface BackupResult {
  dir: string;
  manifest: Manifest;
}

/** The database copy's file name in the backup folder. */
export const databaseFile = (dialect: Deps['dialect']) =>
  dialect === 'sqlite' ? 'database.sqlite' : 'database.pgdump';

interface Copy {
  blobs: string[];
  migration: string | null;
  counts: { reports: number; files: number };
}

/** What the copy references: the files' blobs and the marker blob (src/domain/storage/blob-marker.ts). */
async function referenced(db: Database): Promise<Copy> {
  const marker = await findSetting(db, BLOB_MARKER_SETTING);
  const blobs = await listAllReferencedBlobs(db);
  return {
    blobs: marker ? [...new Set([...blobs, marker])].sort() : blobs,
    migration: await newestMigration(db),
    counts: await countContents(db),
  };
}

/** Takes the database copy into `file`. @returns what it references */
async function copyDatabase(deps: Pick<Deps, 'db' | 'dialect'>, databaseUrl: string | undefined, file: string) {
  fs.rmSync(file, { force: true });
  if (deps.dialect === 'sqlite') {
    await copySqliteInto(deps.db, file);
    fs.chmodSync(file, 0o600);
    const copy = openDatabase({ sqliteFile: file });
    try {
      return await referenced(copy.db);
    } finally {
      await copy.close();
    }
  }
  return withExportedSnapshot(deps.db, async (snapshot, tx) => {
    await runPgTool(
      'pg_dump',
      ['--format=custom', '--compress=0', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, `--file=${file}`],
      databaseUrl!,
    );
    return referenced(tx);
  });
}

/** Copies blob `id` into `target`. @returns false when the store no longer has it */
async function copyBlob(deps: Pick<Deps, 'blobs'>, id: string, target: string): Promise<boolean> {
  try {
    await pipeline(deps.blobs.read(id), fs.createWriteStream(target, { mode: 0o600 }));
    return true;
  } catch (error) {
    fs.rmSync(target, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * @param dir a folder that does not exist or is empty
 * @param databaseUrl DATABASE_URL, for pg_dump (PostgreSQL only)
 * @throws BackupError when `dir` is not empty, or blobs kept disappearing; PgToolError when pg_dump fails
 */
export async function makeBackup(
  deps: Pick<Deps, 'db' | 'dialect' | 'blobs' | 'now'>,
  dir: string,
  databaseUrl: string | undefined,
  progress: BackupProgress,
): Promise<BackupResult> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0)
    throw new BackupError(`${dir} is not empty. Give a new folder for each backup.`);
  fs.mkdirSync(path.join(dir, 'blobs'), { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const dbFile = databaseFile(deps.dialect);
  const copied = new Set<string>();
  let copy: Copy | undefined;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    progress(`Copying the database${attempt > 1 ? ` again (attempt ${attempt})` : ''}…`);
    copy = await copyDatabase(deps, databaseUrl, path.join(dir, dbFile));
    const wanted = new Set(copy.blobs);
    // Blobs of cases destroyed since the last copy are not this copy's.
    for (const id of copied)
      if (!wanted.has(id)) {
        fs.rmSync(path.join(dir, 'blobs', id));
        copied.delete(id);
      }
    const missing: string[] = [];
    const todo = copy.blobs.filter((id) => !copied.has(id));
    let bytes = 0;
    let last = Date.now();
    for (const [i, id] of todo.entries()) {
      if (await copyBlob(deps, id, path.join(dir, 'blobs', id))) {
        copied.add(id);
        bytes += fs.statSync(path.join(dir, 'blobs', id)).size;
      } else missing.push(id);
      if (Date.now() - last > 2_000 || i === todo.length - 1) {
        progress(`Blobs ${i + 1}/${todo.length} (${(bytes / 1e6).toFixed(1)} MB)`);
        last = Date.now();
      }
    }
    if (missing.length === 0) break;
    if (attempt === ATTEMPTS)
      throw new BackupError(
        `${missing.length} blob(s) the database references are not in the blob store, even after ${ATTEMPTS} copies of the database: the store is not this installation's, or files are missing from it. First missing: ${missing[0]}`,
      );
  }
  progress('Computing checksums…');
  const files: ManifestFile[] = [await describeFile(dir, dbFile)];
  for (const id of [...copied].sort()) files.push(await describeFile(dir, `blobs/${id}`));
  const manifest: Manifest = {
    format: 'confide-backup',
    version: 1,
    createdAt: deps.now().toISOString(),
    confide: VERSION,
    database: deps.dialect,
    migration: copy!.migration,
    counts: { ...copy!.counts, blobs: copied.size },
    files,
  };
  writeManifest(dir, manifest);
  return { dir, manifest };
}
