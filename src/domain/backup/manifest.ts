/**
 * The manifest of a backup folder (`manifest.json`, written last, so a folder without one is an unfinished
 * backup): what it holds and each file's size and SHA-256, checked before anything is restored.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const MANIFEST = 'manifest.json';

const Manifest = z.object({
  format: z.literal('confide-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  /** Confide's version that wrote it. */
  confide: z.string(),
  database: z.enum(['sqlite', 'postgres']),
  /** The newest migration the database copy has applied. */
  migration: z.string().nullable(),
  counts: z.object({ reports: z.number().int(), files: z.number().int(), blobs: z.number().int() }),
  /** Every file of the backup but the manifest, relative to its folder, with forward slashes. */
  files: z.array(z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type Manifest = z.infer<typeof Manifest>;
export type ManifestFile = Manifest['files'][number];

/** A backup that cannot be used as it is; the message names the file and what is wrong. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** A file's size in bytes and SHA-256 (hex), read as a stream. */
export async function describeFile(dir: string, relative: string): Promise<ManifestFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(path.join(dir, relative))) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { path: relative, bytes, sha256: hash.digest('hex') };
}

export function writeManifest(dir: string, manifest: Manifest): void {
  const file = path.join(dir, MANIFEST);
  fs.writeFileSync(`${file}.part`, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(`${file}.part`, file);
}

/** @throws BackupError when there is no manifest (an unfinished backup) or it is not one Confide wrote */
export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file))
    throw new BackupError(`${dir} holds no ${MANIFEST}: it is not a backup, or one that did not finish. Use another.`);
  const parsed = Manifest.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new BackupError(`${file} is not a Confide backup manifest: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * Checks every file the manifest names against its size and SHA-256, and that no file is there that it does not
 * name. @throws BackupError naming the first file that differs
 */
export async function verifyFiles(dir: string, manifest: Manifest, progress: (done: number) => void): Promise<void> {
  const named = new Set(manifest.files.map((f) => f.path));
  for (const [i, expected] of manifest.files.entries()) {
    if (expected.path.includes('..') || path.isAbsolute(expected.path))
      throw new BackupError(`the manifest names a file outside the backup: ${expected.path}`);
    if (!fs.existsSync(path.join(dir, expected.path)))
      throw new BackupError(`${expected.path} is missing from the backup`);
    const found = await describeFile(dir, expected.path);
    if (found.bytes !== expected.bytes || found.sha256 !== expected.sha256)
      throw new BackupError(
        `${expected.path} is not the file that was backed up (SHA-256 ${found.sha256}, ${found.bytes} bytes; the manifest says ${expected.sha256}, ${expected.bytes} bytes)`,
      );
    progress(i + 1);
  }
  const extra = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((p) => p !== MANIFEST && !named.has(p));
  if (extra.length > 0) throw new BackupError(`the backup holds files its manifest does not name: ${extra.join(', ')}`);
}
