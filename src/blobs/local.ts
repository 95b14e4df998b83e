/** A blob store in a local folder: `<root>/<2 hex>/<30 hex>`, written through a temporary file and a rename. */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { BlobStore } from './store.ts';

const ID = /^[0-9a-f]{32}$/;

export function createLocalBlobStore(root: string): BlobStore {
  const tmp = path.join(root, 'tmp');
  fs.mkdirSync(tmp, { recursive: true, mode: 0o700 });

  const pathOf = (id: string): string => {
    if (!ID.test(id)) throw new Error(`invalid blob id "${id}"`);
    return path.join(root, id.slice(0, 2), id.slice(2));
  };

  return {
    newId: () => randomBytes(16).toString('hex'),

    async write(id, source, ...transforms) {
      const target = pathOf(id);
      const partial = path.join(tmp, `${id}.${process.pid}.part`);
      await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      let bytes = 0;
      const out = fs.createWriteStream(partial, { mode: 0o600, flags: 'wx' });
      try {
        await pipeline([source, ...transforms, out]);
        bytes = out.bytesWritten;
        await fs.promises.rename(partial, target);
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

    async delete(id) {
      await fs.promises.rm(pathOf(id), { force: true });
    },
  };
}
