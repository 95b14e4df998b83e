import path from 'node:path';
import { openBlobStore } from '../../blobs/open.ts';
import { makeBackup } from '../../domain/backup/backup.ts';
import { BackupError, readManifest, verifyFiles } from '../../domain/backup/manifest.ts';
import { checkEmptyTarget, restoreBlobs, restoreDatabase, verifyRestored } from '../../domain/backup/restore.ts';
import { loadConfig } from '../../server/core/config.ts';
import { buildDeps } from '../../server/deps.ts';
import { databaseLabel } from '../../store/database.ts';
import type { Command, Io } from './command.ts';
import { databaseOf, withDeps } from './context.ts';

/** The one folder argument, or the usage on standard error. */
function folderArgument(positionals: string[], io: Io, help: string): string | null {
  if (positionals.length !== 1) {
    io.err.write(
      `${positionals.length === 0 ? 'Give the backup folder.' : `Unexpected argument "${positionals[1]}".`}\n\n${help}\n`,
    );
    return null;
  }
  return path.resolve(positionals[0]!);
}

const say = (io: Io) => (line: string) => io.err.write(`${line}\n`);
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export const backup: Command = {
  name: 'backup',
  summary: 'Copy the database and every file into a new folder, with a manifest of checksums',
  help: `Usage: npx confide backup DIR

Makes a consistent backup of the installation while the server runs: the database (SQLite: a copy made with
VACUUM INTO; PostgreSQL: pg_dump in its custom format, which needs PostgreSQL's client programs on the PATH) and
every file it references, read from the blob store (CONFIDE_BLOB_URL), into DIR, which must not exist or be empty.
DIR/manifest.json, written last, lists each file with its size and SHA-256; a folder without it is an unfinished
backup. Restore with \`npx confide restore DIR\`.

A backup holds what the database and the blob store hold — sealed rows and encrypted files, never clear text —
so it is as sensitive as they are. A case destroyed at the end of its retention stays in older backups until they
are deleted: keep backups no longer than needed, and delete them on a schedule (docs/operations.md).`,
  options: {},
  async run(_values, positionals, io) {
    const dir = folderArgument(positionals, io, this.help);
    if (!dir) return 2;
    const config = loadConfig();
    try {
      const { manifest } = await withDeps(io, (deps) => makeBackup(deps, dir, config.databaseUrl, say(io)));
      const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
      io.out.write(
        `Backup written to ${dir}: ${count(manifest.counts.reports, 'report')}, ${count(manifest.counts.files, 'file')}, ${count(manifest.counts.blobs, 'blob')}, ${(bytes / 1e6).toFixed(1)} MB.\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof BackupError) {
        io.err.write(`Backup refused: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
  },
};

export const restore: Command = {
  name: 'restore',
  summary: 'Restore a backup into an empty installation, and verify it',
  help: `Usage: npx confide restore DIR

Restores the backup in DIR (made by \`npx confide backup\`) into the installation the settings name, which must be
empty: a CONFIDE_DATA_DIR with no database (SQLite), or an empty database at DATABASE_URL (PostgreSQL: pg_restore
must be on the PATH), and an empty blob store (CONFIDE_BLOB_URL). It first checks every file against the manifest's
SHA-256 and changes nothing if one differs; after restoring it checks that every file the database references is
in the blob store with the size backed up, and that the audit log's hash chain is whole.

Exit codes: 0 restored and verified; 1 the restored installation did not verify; 2 refused (nothing changed).`,
  options: {},
  async run(_values, positionals, io) {
    const dir = folderArgument(positionals, io, this.help);
    if (!dir) return 2;
    const config = loadConfig();
    const target = databaseOf(config);
    const blobs = openBlobStore(config.blobs);
    let changed = false;
    try {
      const manifest = readManifest(dir);
      io.err.write(`Database: ${databaseLabel(target)}\nBlob store: ${blobs.label}\n`);
      let last = Date.now();
      await verifyFiles(dir, manifest, (done) => {
        if (Date.now() - last > 2_000 || done === manifest.files.length) {
          say(io)(`Checked ${done}/${manifest.files.length} files against the manifest`);
          last = Date.now();
        }
      });
      await checkEmptyTarget(manifest, target, blobs.store);
      changed = true;
      say(io)('Restoring the database…');
      await restoreDatabase(dir, manifest, target);
      await restoreBlobs(dir, manifest, blobs.store, say(io));
      say(io)('Verifying…');
      const built = await buildDeps(config);
      try {
        const check = await verifyRestored(built.deps, manifest);
        io.out.write(
          `Restored from ${dir} (backed up ${manifest.createdAt}) and verified: ${count(check.reports, 'report')}, ${count(check.files, 'file')}, ${count(manifest.counts.blobs, 'blob')}, ${count(check.auditEntries, 'audit entry').replace('entrys', 'entries')}.\n`,
        );
        return 0;
      } finally {
        await built.close();
      }
    } catch (error) {
      if (error instanceof BackupError) {
        io.err.write(
          changed
            ? `The restored installation did not verify: ${error.message}\nDo not start the server on it; empty it and restore again, or use another backup.\n`
            : `Restore refused: ${error.message}\nNothing was changed.\n`,
        );
        return changed ? 1 : 2;
      }
      throw error;
    } finally {
      blobs.close();
    }
  },
};
