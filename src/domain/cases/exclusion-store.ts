/**
 * Where a case's exclusions are kept: one list per case, sealed under the case key on the report row
 * (`reports.sealed_exclusions`), so that only holders of the case read who is excluded and why. A copy of the
 * database learns neither who a complaint names nor whether it names anyone: every report received since 0006 has a
 * list, padded to the same length for up to about seven exclusions without notes. Reports received before may still
 * have clear rows in `exclusions`; they are honoured as before, and sealed into the list (the rows deleted) when a
 * manager's session next reads the case's access (`sealLegacyExclusions`).
 * @see issue 8 item 6; docs/SECURITY.md "Staff access to cases"
 */
import { exclusionsAd, legacyNoteAd } from '../../crypto/case-keys.ts';
import { open, openJson, seal } from '../../crypto/sodium.ts';
import type { Database } from '../../store/database.ts';
import { deleteLegacyExclusions, listLegacyExclusionRows } from '../../store/exclusions.ts';
import { findSealedExclusions, swapSealedExclusions } from '../../store/reports.ts';
import type { Tx } from '../../store/transaction.ts';
import { errors } from '../errors.ts';
import type { ExclusionReason } from './grantable.ts';

/** One exclusion, as its case keeps it. Times are ISO 8601 UTC; `createdBy` is null for Confide (at submission). */
export interface Exclusion {
  userId: string;
  reason: ExclusionReason;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

/**
 * The JSON is padded with spaces to at least this many bytes before sealing (which pads further to 256-byte
 * blocks): an empty list and one of about seven exclusions without notes seal to the same length.
 */
const MIN_PLAINTEXT = 1_023;

/** Seals a case's exclusion list under its case key. @param caseKey 32 bytes */
export function sealExclusions(caseKey: Buffer, reportId: string, list: readonly Exclusion[]): Buffer {
  return seal(caseKey, Buffer.from(JSON.stringify(list).padEnd(MIN_PLAINTEXT, ' ')), exclusionsAd(reportId));
}

/** A case's exclusions as stored: the sealed list (and its ciphertext, to write back) and the clear rows of before. */
interface Stored {
  sealed: Buffer | null;
  list: Exclusion[];
  legacy: Exclusion[];
}

async function readStored(db: Database, reportId: string, caseKey: Buffer): Promise<Stored> {
  const report = await findSealedExclusions(db, reportId);
  const sealed = report?.sealed_exclusions ?? null;
  const list = sealed ? openJson<Exclusion[]>(caseKey, sealed, exclusionsAd(reportId)) : [];
  const rows = await listLegacyExclusionRows(db, reportId);
  const legacy = rows.map((x) => ({
    userId: x.user_id,
    reason: x.reason as ExclusionReason,
    note: x.sealed_note ? open(caseKey, x.sealed_note, legacyNoteAd(reportId, x.user_id)).toString() : null,
    createdBy: x.created_by,
    createdAt: x.created_at,
  }));
  return { sealed, list, legacy };
}

/**
 * Every exclusion of a case, sealed and clear alike, oldest first.
 * @param db the database, or the transaction to read in
 * @param caseKey the case key, opened by the caller's grant
 */
export async function listExclusions(db: Database, reportId: string, caseKey: Buffer): Promise<Exclusion[]> {
  const { list, legacy } = await readStored(db, reportId, caseKey);
  return [...legacy, ...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The exclusion of `userId` from a case, if any. */
export async function findExclusion(
  db: Database,
  reportId: string,
  caseKey: Buffer,
  userId: string,
): Promise<Exclusion | undefined> {
  return (await listExclusions(db, reportId, caseKey)).find((x) => x.userId === userId);
}

/**
 * Writes the case's list, provided no one else wrote it since it was read (compare and swap on the ciphertext).
 * @throws conflict/conflict when someone changed the case's exclusions at the same time
 */
async function writeList(
  trx: Tx,
  reportId: string,
  caseKey: Buffer,
  read: Buffer | null,
  list: readonly Exclusion[],
): Promise<void> {
  if ((await swapSealedExclusions(trx, reportId, read, sealExclusions(caseKey, reportId, list))) !== 1)
    throw errors.conflict(
      'conflict',
      'Someone else changed who is excluded from this case at the same time. Reload it and try again.',
    );
}

/** Adds an exclusion to the case's sealed list, inside the caller's transaction. @throws conflict/already_excluded | conflict/conflict */
export async function addExclusion(
  trx: Tx,
  reportId: string,
  caseKey: Buffer,
  entry: Exclusion,
  displayName: string,
): Promise<void> {
  const stored = await readStored(trx, reportId, caseKey);
  if ([...stored.list, ...stored.legacy].some((x) => x.userId === entry.userId))
    throw errors.conflict('already_excluded', `${displayName} is already excluded from this case.`);
  await writeList(trx, reportId, caseKey, stored.sealed, [...stored.list, entry]);
}

/**
 * Removes `userId`'s exclusion (sealed or clear), inside the caller's transaction.
 * @returns the exclusion removed; undefined when there was none
 * @throws conflict/conflict
 */
export async function dropExclusion(
  trx: Tx,
  reportId: string,
  caseKey: Buffer,
  userId: string,
): Promise<Exclusion | undefined> {
  const stored = await readStored(trx, reportId, caseKey);
  const legacy = stored.legacy.find((x) => x.userId === userId);
  if (legacy) {
    await deleteLegacyExclusions(trx, reportId, userId);
    return legacy;
  }
  const sealed = stored.list.find((x) => x.userId === userId);
  if (sealed)
    await writeList(
      trx,
      reportId,
      caseKey,
      stored.sealed,
      stored.list.filter((x) => x !== sealed),
    );
  return sealed;
}

/**
 * Seals a case's clear exclusion rows (written before 0006) into its list and deletes them, inside the caller's
 * transaction; nothing when there are none. @returns how many rows were sealed @throws conflict/conflict
 */
export async function sealLegacyExclusions(trx: Tx, reportId: string, caseKey: Buffer): Promise<number> {
  const stored = await readStored(trx, reportId, caseKey);
  if (stored.legacy.length === 0) return 0;
  const sealedIds = new Set(stored.list.map((x) => x.userId));
  const moved = stored.legacy.filter((x) => !sealedIds.has(x.userId));
  await writeList(trx, reportId, caseKey, stored.sealed, [...stored.list, ...moved]);
  await deleteLegacyExclusions(trx, reportId);
  return stored.legacy.length;
}
