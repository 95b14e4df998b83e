/**
 * A blob store in a local folder: `<root>/<2 hex>/<30 hex>`, written through a temporary file
 * (`<root>/tmp/<id>.<writer>.part`) and a rename, so a blob appears whole or not at all. A failed write removes its
 * temporary file at once; one a crash or kill left behind is removed by `removePartials`.
 *
 * Durability: a write resolves only once the blob is on disk for good — the temporary file is fsynced before the
 * rename (so the name never points at unwritten data after a power cut), and the folder after it (so the new name
 * itself survives one), as is the root when the blob's folder was new. Submission acknowledges a report only after
 * its blobs are written and its rows committed (SQLite with synchronous=FULL), so a receipt is never given for a
 * report a power cut could take back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { BlobStore } from './store.ts';
import { currentWriter, writerIsGone } from './writers.ts';

const ID = /^[0-9a-f]{32}$/;

/** Flushes a folder's entries (a rename or a new file in it) to disk. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function createLocalBlobStore(root: string): BlobStore {
  const tmp = path.join(root, 'tmp');
  fs.mkdirSync(tmp, { recursive: true, mode: 0o700 });
  const writer = currentWriter();

  const pathOf = (id: string): string => {
    if (!ID.test(id)) throw new Error(`invalid blob id "${id}"`);
    return path.join(root, id.slice(0, 2), id.slice(2));
  };

  return {
    newId: () => randomBytes(16).toString('hex'),

    async write(id, source, ...transforms) {
      const target = pathOf(id);
      const partial = path.join(tmp, `${id}.${writer}.part`);
      const newFolder = await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      let bytes = 0;
      // flush: the file is fsynced before it is closed, so before the rename.
      const out = fs.createWriteStream(partial, { mode: 0o600, flags: 'wx', flush: true });
      try {
        await pipeline([source, ...transforms, out]);
        bytes = out.bytesWritten;
        await fs.promises.rename(partial, target);
        await syncFolder(path.dirname(target));
        if (newFolder !== undefined) await syncFolder(root);
      } catch (error) {
        // The stream opens its file asynchronously: wait until it is closed, or a late open would recreate the
        // partial file after it was removed.
        if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
        await fs.promises.rm(partial, { force: true });
        throw error;
      }
      return bytes;
    },

    read(id) {
      return fs.createReadStream(pathOf(id));
    },

    async size(id) {
      return (await statIfAny(pathOf(id)))?.size ?? null;
    },

    async delete(id) {
      await fs.promises.rm(pathOf(id), { force: true });
    },

    async *list() {
      for (const dir of await fs.promises.readdir(root)) {
        if (!PREFIX.test(dir)) continue;
        for (const name of await readdirIfAny(path.join(root, dir))) {
          if (!REST.test(name)) continue;
          const stat = await statIfAny(path.join(root, dir, name));
          if (stat?.isFile()) yield { id: dir + name, writtenAt: stat.mtime };
        }
      }
    },

    async check() {
      for (const dir of [root, tmp]) await fs.promises.access(dir, fs.constants.R_OK | fs.constants.W_OK);
    },

    async removePartials(before) {
      let removed = 0;
      for (const name of await readdirIfAny(tmp)) {
        const file = path.join(tmp, name);
        const stat = await statIfAny(file);
        if (!stat?.isFile()) continue;
        if (stat.mtime >= before && writerIsGone(PARTIAL.exec(name)?.[1] ?? '') !== true) continue;
        await fs.promises.rm(file, { force: true });
        removed += 1;
      }
      return removed;
    },
  };
}

const PREFIX = /^[0-9a-f]{2}$/;
const REST = /^[0-9a-f]{30}$/;
/** `<blob id>.<writer tag>.part`; the tag is `currentWriter()` (older versions wrote the process id alone). */
const PARTIAL = /^[0-9a-f]{32}\.(.+)\.part$/;

/** A folder's entries; none when it was removed meanwhile. */
async function readdirIfAny(dir: string): Promise<string[]> {
  return fs.promises.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
}

/** A file's status; null when it was removed meanwhile (a concurrent delete). */
async function statIfAny(file: string): Promise<fs.Stats | null> {
  return fs.promises.stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}
