/**
 * Catches nodes that do not share one blob store: the first start writes a small marker blob (random bytes) and
 * records its id in the database; every later start, on any node, finds it in its own store or refuses to start.
 * Without it, a node with its own local folder would answer every file uploaded through another node with an error.
 */
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import type { Deps } from '../deps.ts';
import { findSetting, insertSettingIfMissing } from '../../store/settings.ts';

/** The `settings` key holding the marker blob's id. */
export const BLOB_MARKER_SETTING = 'blob_store_marker';

/** The blob store is not this installation's, or cannot be used; the message names it and the fix. */
export class BlobStoreError extends Error {
  override name = 'BlobStoreError';
}

/**
 * Writes the marker on first use; otherwise checks it is there.
 * @param label where the store is, for the message ("the folder /srv/confide/blobs")
 * @throws BlobStoreError naming the store and the fix (the store's own error as its cause)
 */
export async function checkBlobStore(deps: Pick<Deps, 'db' | 'blobs'>, label: string): Promise<void> {
  let found: boolean;
  try {
    found = await markerFound(deps);
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { Code?: string };
    throw new BlobStoreError(
      `the blob store (${label}) cannot be used (${e.code ?? e.Code ?? e.name}: ${e.message}). Check CONFIDE_BLOB_URL, ` +
        'and for S3 the endpoint (AWS_ENDPOINT_URL_S3), the region and the credentials, and that the bucket exists.',
      { cause: error },
    );
  }
  if (!found)
    throw new BlobStoreError(
      `the blob store (${label}) is not the one this database's files are in: its marker blob is missing. ` +
        'Every node of one installation must use the same store: set CONFIDE_BLOB_URL to the shared folder or ' +
        's3:// bucket the other nodes use (a restored installation: restore its blobs too, `npx confide restore`).',
    );
}

/** Whether the marker is in the store (written now when the database has none yet). */
async function markerFound(deps: Pick<Deps, 'db' | 'blobs'>): Promise<boolean> {
  let marker = await findSetting(deps.db, BLOB_MARKER_SETTING);
  if (marker === undefined) {
    const id = deps.blobs.newId();
    await deps.blobs.write(id, Readable.from([randomBytes(32)]));
    await insertSettingIfMissing(deps.db, BLOB_MARKER_SETTING, id);
    marker = (await findSetting(deps.db, BLOB_MARKER_SETTING))!;
    // Another node started at the same moment and its marker won: ours is not needed.
    if (marker !== id) await deps.blobs.delete(id);
  }
  return (await deps.blobs.size(marker)) !== null;
}
