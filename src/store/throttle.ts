/**
 * Attempt counters (`throttle`, keyed by a hash the domain makes) and one-time sealed texts (`receipt_displays`:
 * receipts and recovery keys shown once, form drafts), by the hash of their token. No decisions here: limits, windows
 * and what a key means live in src/domain/throttle.ts and src/domain/once.ts.
 */
import { sql } from 'kysely';
import type { Database } from './database.ts';

/**
 * Adds one attempt to `keyHash`'s row in one atomic upsert, starting a new window (count 1, `now`) when the row's
 * window started before `cutoff` (ISO time). @returns the count and the window's start (ISO) after this attempt
 */
export async function countThrottleAttempt(
  db: Database,
  keyHash: string,
  now: string,
  cutoff: string,
): Promise<{ failures: number; window_start: string }> {
  const row = await db
    .insertInto('throttle')
    .values({ key: keyHash, failures: 1, window_start: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when throttle.window_start < ${cutoff} then 1 else throttle.failures + 1 end`,
        window_start: sql<string>`case when throttle.window_start < ${cutoff} then excluded.window_start else throttle.window_start end`,
      }),
    )
    .returning(['failures', 'window_start'])
    .executeTakeFirstOrThrow();
  return { failures: Number(row.failures), window_start: row.window_start };
}

/** Takes one attempt off `keyHash`'s count (never below 0). */
export async function decrementThrottleAttempt(db: Database, keyHash: string): Promise<void> {
  await db
    .updateTable('throttle')
    .set({ failures: sql<number>`failures - 1` })
    .where('key', '=', keyHash)
    .where('failures', '>', 0)
    .execute();
}

/** Deletes `keyHash`'s counter row. */
export async function deleteThrottleRow(db: Database, keyHash: string): Promise<void> {
  await db.deleteFrom('throttle').where('key', '=', keyHash).execute();
}

/** Stores a sealed text under `tokenHash` until `expiresAt` (ISO). */
export async function insertSealedText(
  db: Database,
  row: { token_hash: string; sealed_receipt: Buffer; expires_at: string },
): Promise<void> {
  await db.insertInto('receipt_displays').values(row).execute();
}

/** The sealed text stored under `tokenHash` (expired or not), deleting it as it is read when `take`; undefined when none. */
export async function findSealedText(
  db: Database,
  tokenHash: string,
  take: boolean,
): Promise<{ sealed_receipt: Buffer; expires_at: string } | undefined> {
  return take
    ? db
        .deleteFrom('receipt_displays')
        .where('token_hash', '=', tokenHash)
        .returning(['sealed_receipt', 'expires_at'])
        .executeTakeFirst()
    : db
        .selectFrom('receipt_displays')
        .select(['sealed_receipt', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
}

/** Deletes every sealed text that expired before `now` (ISO). */
export async function deleteExpiredSealedTexts(db: Database, now: string): Promise<void> {
  await db.deleteFrom('receipt_displays').where('expires_at', '<', now).execute();
}
