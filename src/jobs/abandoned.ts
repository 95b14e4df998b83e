/**
 * The abandoned-blob sweep: removes from the file store what no file row references once it is older than a
 * grace period (CONFIDE_UPLOAD_GRACE_HOURS, default 24 h) — uploads whose submission never committed (a crash
 * between writing the blobs and the transaction; domain/uploads/intake.ts writes blobs first), blobs of a destroyed case whose
 * deletion was interrupted (domain/retention/destroy.ts deletes rows first), and temporary files of writes cut short.
 * The grace period is what makes it safe beside uploads in progress: a blob is written moments before its row.
 */
import type { Deps } from '../domain/deps.ts';
import { HOUR } from '../shared/time.ts';
import { listReferencedBlobs } from '../store/destroy.ts';
import { findSetting } from '../store/settings.ts';
import { BLOB_MARKER_SETTING } from '../domain/storage/blob-marker.ts';

/** Blob ids checked against the files table per query. */
const BATCH = 500;

export interface SweepRun {
  /** unreferenced blobs older than the grace period, deleted (or, in a dry run, that would be) */
  abandoned: string[];
  /** temporary files of unfinished writes removed; null in a dry run (not looked at) */
  partials: number | null;
}

/** Of these blob ids, the ones that no file row references. */
async function unreferenced(deps: Pick<Deps, 'db'>, ids: string[]): Promise<string[]> {
  const used = await listReferencedBlobs(deps.db, ids);
  return ids.filter((id) => !used.has(id));
}

/**
 * One sweep of the file store.
 * @param options.dryRun list what would be removed, remove nothing
 * @param options.signal stops between batches
 */
export async function sweepAbandonedBlobs(
  deps: Pick<Deps, 'db' | 'blobs' | 'now' | 'retention'>,
  options: { dryRun?: boolean; signal?: AbortSignal } = {},
): Promise<SweepRun> {
  const cutoff = new Date(deps.now().getTime() - deps.retention.uploadGraceHours * HOUR);
  const abandoned: string[] = [];
  // The marker blob that tells nodes they share this store (src/domain/storage/blob-marker.ts) is no upload.
  const marker = await findSetting(deps.db, BLOB_MARKER_SETTING);
  let batch: string[] = [];
  const check = async () => {
    const gone = await unreferenced(deps, batch);
    batch = [];
    if (!options.dryRun) for (const id of gone) await deps.blobs.delete(id);
    abandoned.push(...gone);
  };
  for await (const blob of deps.blobs.list()) {
    if (options.signal?.aborted) break;
    if (blob.writtenAt >= cutoff || blob.id === marker) continue;
    batch.push(blob.id);
    if (batch.length === BATCH) await check();
  }
  if (batch.length > 0) await check();
  const partials = options.dryRun ? null : await deps.blobs.removePartials(cutoff);
  return { abandoned, partials };
}
