/**
 * Catches nodes that do not share one blob store: the first start writes a small marker blob (random bytes) and
 * records its id in the database; every later start, on any node, finds it in its own store or refuses to start.
 * Without it, a node with its own local folder would answer every file uploaded through another node with an error.
 * A new installation also refuses a store that holds blobs already: they are another installation's, and its
 * abandoned-upload sweep would delete them.
 */
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import type { Deps } from '../deps.ts';
import { findSetting, insertSettingIfMissing } from '../../store/settings.ts';
import { countContents } from '../../store/backup.ts';

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
  let state: MarkerState;
  try {
    state = await markerState(deps);
    // Nodes of a new installation starting together: another may be between writing the marker and recording it.
    if (state !== 'found') {
      await new Promise((resolve) => setTimeout(resolve, RECHECK_MS));
      state = await markerState(deps);
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { Code?: string };
    throw new BlobStoreError(
      `the blob store (${label}) cannot be used (${e.code ?? e.Code ?? e.name}: ${e.message}). Check CONFIDE_BLOB_URL, ` +
        'and for S3 the endpoint (AWS_ENDPOINT_URL_S3), the region and the credentials, and that the bucket exists.',
      { cause: error },
    );
  }
  if (state === 'missing')
    throw new BlobStoreError(
      `the blob store (${label}) is not the one this database's files are in: its marker blob is missing. ` +
        'Every node of one installation must use the same store: set CONFIDE_BLOB_URL to the shared folder or ' +
        's3:// bucket the other nodes use (a restored installation: restore its blobs too, `npx confide restore`).',
    );
  if (state === 'foreign')
    throw new BlobStoreError(
      `the blob store (${label}) holds files, but this database has none: it belongs to another installation, whose ` +
        'files this one would remove as abandoned uploads. Give each installation its own folder or s3:// prefix ' +
        '(CONFIDE_BLOB_URL), or point DATABASE_URL / CONFIDE_DATA_DIR at the database those files belong to.',
    );
}

/** How long a start waits before it looks at the marker a second time (ms). */
const RECHECK_MS = 2_000;

type MarkerState = 'found' | 'missing' | 'foreign';

/**
 * Whether the marker is in the store: written now when the database has none yet — unless the database holds no
 * file and the store does hold blobs, which are then another installation's ('foreign').
 */
async function markerState(deps: Pick<Deps, 'db' | 'blobs'>): Promise<MarkerState> {
  let marker = await findSetting(deps.db, BLOB_MARKER_SETTING);
  if (marker === undefined) {
    if ((await countContents(deps.db)).files === 0 && (await holdsAnyBlob(deps.blobs))) return 'foreign';
    const id = deps.blobs.newId();
    await deps.blobs.write(id, Readable.from([randomBytes(32)]));
    await insertSettingIfMissing(deps.db, BLOB_MARKER_SETTING, id);
    marker = (await findSetting(deps.db, BLOB_MARKER_SETTING))!;
    // Another node started at the same moment and its marker won: ours is not needed.
    if (marker !== id) await deps.blobs.delete(id);
  }
  return (await deps.blobs.size(marker)) !== null ? 'found' : 'missing';
}

async function holdsAnyBlob(blobs: Deps['blobs']): Promise<boolean> {
  for await (const blob of blobs.list()) if (blob) return true;
  return false;
}
