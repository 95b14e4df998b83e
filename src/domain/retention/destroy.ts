/**
 * Destroying a case: every row of it, every blob of its files, and with them every key that opens it (its grants,
 * the reporter's wrapped key, reporter sessions) — crypto-shredding plus deletion. Used by the retention job (end
 * of retention) and by early deletion (an approved request).
 *
 * Order, so that a crash at any point leaves nothing readable and nothing half-deleted that staff could trip over:
 * 1. in one transaction: collect the blob ids of the case's files, delete the rows that do not cascade (reporter
 *    sessions, the receipt's throttle row, action records), then the reports row — the foreign keys cascade to
 *    grants, files, original keys, messages, events, exclusions, links, labels, reminders, requests and their keys, identity
 *    statements, protection requests, certificates, transcripts and their corrections — and write the audit entry;
 * 2. after the commit, delete the blobs. A crash between 1 and 2 leaves blobs that no row references: ciphertext
 *    whose keys are gone, which the abandoned-blob sweep (src/jobs/retention.ts) deletes at its next run;
 * 3. then scrub the database files: see `scrubStorage`.
 * Blobs are never deleted first: a crash would leave a case whose files are missing.
 * @see EU 2019/1937 Art. 17, 18 (records kept no longer than necessary); HinSchG §11(5) (deleted 3 years after closure)
 */
import {
  checkpointWal,
  deleteReportRows,
  listReportFileBlobs,
  lockReportForUpdate,
  vacuumTables,
} from '../../store/destroy.ts';
import type { Tx } from '../../store/transaction.ts';
import type { Deps } from '../deps.ts';
import { forgetReceiptAttempts } from '../throttle.ts';

/** The tables that hold rows of a case (directly or through a cascade), and sessions and throttle rows. */
export const CASE_TABLES = [
  'reports',
  'grants',
  'files',
  'original_keys',
  'messages',
  'case_events',
  'exclusions',
  'links',
  'case_labels',
  'reminders',
  'requests',
  'request_keys',
  'identity_statements',
  'protection_requests',
  'actions',
  'certificates',
  'transcripts',
  'transcript_corrections',
  'sessions',
  'throttle',
] as const;

/** What destroyCaseRows found, for the caller to finish after the commit. */
export interface DestroyedRows {
  /** Blob ids of the case's files (cleaned copies and originals), to delete after the commit. */
  blobIds: string[];
  files: number;
}

/**
 * Locks the report's row until the transaction ends (PostgreSQL: SELECT … FOR UPDATE; SQLite runs one write
 * transaction at a time), so a legal hold set meanwhile waits for the destruction or wins over it.
 * @returns the columns that decide whether it may be destroyed; undefined when it is gone
 */
export function lockReport(deps: Pick<Deps, 'dialect'>, trx: Tx, reportId: string) {
  return lockReportForUpdate(trx, deps.dialect, reportId);
}

/**
 * Deletes every row of a case inside the caller's transaction (which must also write the audit entry).
 * @param report the row from `lockReport`
 */
export async function destroyCaseRows(
  trx: Tx,
  report: { id: string; receipt_locator: string },
): Promise<DestroyedRows> {
  const files = await listReportFileBlobs(trx, report.id);
  const blobIds = files.flatMap((f) => (f.cleaned_blob ? [f.original_blob, f.cleaned_blob] : [f.original_blob]));
  // Not covered by a cascade: reporter sessions (sessions.report_id has no foreign key), the receipt's throttle row
  // (keyed by a hash of the locator; see verifyReceipt in reporter/follow-up.ts), and action records, whose request_id
  // references requests without a cascade rule.
  await forgetReceiptAttempts(trx, report.receipt_locator);
  await deleteReportRows(trx, report.id);
  return { blobIds, files: files.length };
}

/**
 * Deletes blobs after the rows that referenced them are gone. A blob that cannot be deleted now is left to the
 * abandoned-blob sweep. @returns how many were deleted and how many failed
 */
export async function deleteBlobs(
  deps: Pick<Deps, 'blobs'>,
  ids: readonly string[],
): Promise<{ deleted: number; failed: number }> {
  const results = await Promise.allSettled(ids.map((id) => deps.blobs.delete(id)));
  const failed = results.filter((r) => r.status === 'rejected').length;
  return { deleted: ids.length - failed, failed };
}

export interface ScrubResult {
  /** SQLite: the write-ahead log was checkpointed into the database file and truncated to 0 bytes. */
  checkpointed?: boolean;
  /** PostgreSQL: the case tables were vacuumed (`full`: rewritten into new files). */
  vacuumed?: 'plain' | 'full';
}

/**
 * Makes deleted rows leave the database files, as far as each database allows.
 * - SQLite runs with `secure_delete = ON` (database.ts): deleted content is overwritten with zeros in the pages
 *   it leaves. The write-ahead log still holds earlier copies of those pages until a checkpoint; a TRUNCATE
 *   checkpoint writes the pages back and empties the log file. It needs a moment with no reader: when busy it
 *   reports `checkpointed: false` and the next run tries again. Cheap: every call does it.
 * - PostgreSQL keeps deleted rows in its data files until their space is reused. `vacuum: 'plain'` (the retention
 *   job, after it destroyed something) marks the space reusable without blocking anyone, but does not overwrite it;
 *   `'full'` rewrites the case tables into new files (VACUUM FULL: an exclusive lock on each table while it runs —
 *   for a maintenance window), after which the live data files hold none of the deleted bytes. Without `vacuum`,
 *   nothing runs (autovacuum comes by in its own time). None of this reaches the write-ahead log, WAL archives or
 *   backups: see docs/SECURITY.md.
 */
export async function scrubStorage(
  deps: Pick<Deps, 'db' | 'dialect'>,
  options: { vacuum?: 'plain' | 'full' | undefined } = {},
): Promise<ScrubResult> {
  if (deps.dialect === 'sqlite') return { checkpointed: await checkpointWal(deps.db) };
  if (!options.vacuum) return {};
  await vacuumTables(deps.db, CASE_TABLES, options.vacuum === 'full');
  return { vacuumed: options.vacuum };
}
