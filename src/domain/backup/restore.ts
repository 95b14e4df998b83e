/**
 * `confide restore DIR`, in steps the command runs in order: check the target deployment is empty, put the database
 * copy in place (the SQLite file, or pg_restore), write every blob through the configured blob store, then check what
 * was restored — every referenced blob there with the size backed up, and the audit chain whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../deps.ts';
import type { BlobStore } from '../../blobs/store.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { countContents, listAllReferencedBlobs } from '../../store/backup.ts';
import { holdsInstallation, knownMigrations, type DatabaseOptions } from '../../store/database.ts';
import { runPgTool } from '../../store/pg-tools.ts';
import { databaseFile } from './backup.ts';
import { BackupError, type Manifest } from './manifest.ts';

/**
 * @throws BackupError when the backup's database kind is not the target's, it comes from a newer Confide, or the
 *   target holds an installation or blobs already
 */
export async function checkEmptyTarget(manifest: Manifest, target: DatabaseOptions, blobs: BlobStore): Promise<void> {
  const kind = target.url ? 'postgres' : 'sqlite';
  if (manifest.database !== kind)
    throw new BackupError(
      manifest.database === 'sqlite'
        ? 'This backup is of an SQLite installation: restore it with DATABASE_URL unset and CONFIDE_DATA_DIR naming a new data folder.'
        : 'This backup is of a PostgreSQL installation: restore it with DATABASE_URL naming a new, empty database.',
    );
  if (manifest.migration !== null && !(await knownMigrations()).includes(manifest.migration))
    throw new BackupError(
      `This backup was made by a newer version of Confide (its database is at migration ${manifest.migration}, which this version does not know). Restore it with Confide ${manifest.confide} or newer.`,
    );
  const sqliteTaken = !target.url && fs.existsSync(target.sqliteFile) && fs.statSync(target.sqliteFile).size > 0;
  if (sqliteTaken || (await holdsInstallation(target)))
    throw new BackupError(
      target.url
        ? 'The database DATABASE_URL names is not empty: it holds a Confide installation. Create a new, empty database for the restore (createdb …) and point DATABASE_URL at it.'
        : `${target.sqliteFile} exists already. Restore into a new data folder: set CONFIDE_DATA_DIR to a folder that does not exist yet.`,
    );
  for await (const blob of blobs.list()) {
    void blob;
    throw new BackupError(
      'The blob store CONFIDE_BLOB_URL names is not empty. Restore into an empty folder or bucket prefix.',
    );
  }
}

/** Puts the database copy in place. @throws PgToolError when pg_restore fails */
export async function restoreDatabase(dir: string, manifest: Manifest, target: DatabaseOptions): Promise<void> {
  const source = path.join(dir, databaseFile(manifest.database));
  if (!target.url) {
    fs.mkdirSync(path.dirname(target.sqliteFile), { recursive: true, mode: 0o700 });
    fs.copyFileSync(source, target.sqliteFile, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(target.sqliteFile, 0o600);
    return;
  }
  await runPgTool(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', source],
    target.url,
  );
}

/** Writes every blob of the backup into `blobs`. */
export async function restoreBlobs(
  dir: string,
  manifest: Manifest,
  blobs: BlobStore,
  progress: (line: string) => void,
): Promise<void> {
  const ids = manifest.files.filter((f) => f.path.startsWith('blobs/')).map((f) => f.path.slice('blobs/'.length));
  let last = Date.now();
  for (const [i, id] of ids.entries()) {
    await blobs.write(id, fs.createReadStream(path.join(dir, 'blobs', id)));
    if (Date.now() - last > 2_000 || i === ids.length - 1) {
      progress(`Blobs ${i + 1}/${ids.length}`);
      last = Date.now();
    }
  }
}

export interface RestoreCheck {
  reports: number;
  files: number;
  blobs: number;
  auditEntries: number;
}

/**
 * Checks the restored installation: every blob its files reference is in the store with the size backed up, and
 * the audit chain verifies. @throws BackupError naming the first problem
 */
export async function verifyRestored(deps: Pick<Deps, 'db' | 'blobs'>, manifest: Manifest): Promise<RestoreCheck> {
  const sizes = new Map(manifest.files.map((f) => [f.path, f.bytes]));
  const referenced = await listAllReferencedBlobs(deps.db);
  for (const id of referenced) {
    const size = await deps.blobs.size(id);
    if (size === null) throw new BackupError(`blob ${id}, which the restored database references, is not in the store`);
    if (size !== sizes.get(`blobs/${id}`))
      throw new BackupError(
        `blob ${id} holds ${size} bytes in the store, but ${sizes.get(`blobs/${id}`)} were backed up`,
      );
  }
  const audit = await verifyAuditChain(deps);
  if (!audit.ok)
    throw new BackupError(
      `the restored audit log does not verify after entry ${audit.entries}: run \`npx confide audit verify\` for details`,
    );
  const counts = await countContents(deps.db);
  return { ...counts, blobs: referenced.length, auditEntries: audit.entries };
}
