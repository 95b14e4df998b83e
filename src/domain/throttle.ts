/**
 * Limits attempts at a secret (staff passwords, TOTP codes, recovery keys, invitation codes, certificate codes) per
 * key, across nodes: every attempt is counted, in one atomic statement, BEFORE it is checked, so that parallel
 * requests cannot all be checked while the count is still low (issue 8: 40 parallel wrong passwords were all
 * checked when the count was read before and written after). After `limit` attempts in a window the key is refused
 * until the window ends; a success clears the count. Keys are hashed so the table holds no locator or username.
 */
import { sql } from 'kysely';
import { hash } from '../crypto/sodium.ts';
import type { Deps } from './deps.ts';
import { errors } from './errors.ts';

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

/** The stored (hashed) form of a throttle key; destroying a case deletes its receipt's row by it. */
export const keyOf = (key: string) => hash(`throttle:${key}`).toString('hex');

/**
 * Counts one more attempt on `key` (starting a new window when the last one has ended) and returns the count with
 * the window's start. One INSERT … ON CONFLICT DO UPDATE … RETURNING on both SQLite and PostgreSQL: concurrent
 * callers each get a distinct count.
 */
export async function countAttempt(
  deps: Pick<Deps, 'db' | 'now'>,
  key: string,
  rule: ThrottleRule,
): Promise<{ count: number; windowStart: Date }> {
  const now = deps.now();
  const cutoff = new Date(now.getTime() - rule.windowMs).toISOString();
  const row = await deps.db
    .insertInto('throttle')
    .values({ key: keyOf(key), failures: 1, window_start: now.toISOString() })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when throttle.window_start < ${cutoff} then 1 else throttle.failures + 1 end`,
        window_start: sql<string>`case when throttle.window_start < ${cutoff} then excluded.window_start else throttle.window_start end`,
      }),
    )
    .returning(['failures', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.failures), windowStart: new Date(row.window_start) };
}

/**
 * Takes one attempt on `key` before the secret is checked; the caller then checks it, and on success calls
 * `clearThrottle` (or `refundAttempt` when the attempt was no failure).
 * @throws DomainError too_many_attempts (429) when this attempt is over the limit: the secret must not be checked
 */
export async function takeAttempt(deps: Pick<Deps, 'db' | 'now'>, key: string, rule: ThrottleRule): Promise<void> {
  const { count, windowStart } = await countAttempt(deps, key, rule);
  if (count <= rule.limit) return;
  const minutes = Math.max(1, Math.ceil((windowStart.getTime() + rule.windowMs - deps.now().getTime()) / 60_000));
  throw errors.tooMany(`Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`);
}

/**
 * Gives back an attempt that turned out to be no failure (the first step of a two-factor sign-in, a valid
 * certificate code), so it does not count toward the limit.
 */
export async function refundAttempt(deps: Pick<Deps, 'db'>, key: string): Promise<void> {
  await deps.db
    .updateTable('throttle')
    .set({ failures: sql<number>`failures - 1` })
    .where('key', '=', keyOf(key))
    .where('failures', '>', 0)
    .execute();
}

/** Forgets every attempt on `key` (a success, or an administrator's unlock). */
export async function clearThrottle(deps: Pick<Deps, 'db'>, key: string): Promise<void> {
  await deps.db.deleteFrom('throttle').where('key', '=', keyOf(key)).execute();
}

/**
 * Runs `attempt` as one counted attempt on `key`: taken before it runs (`takeAttempt`), cleared when it succeeds,
 * given back when it fails with an error `noFailure` accepts (e.g. the first step of a two-factor sign-in), and left
 * counted otherwise.
 * @throws DomainError too_many_attempts before `attempt` runs; whatever `attempt` throws
 */
export async function asAttempt<T>(
  deps: Pick<Deps, 'db' | 'now'>,
  key: string,
  rule: ThrottleRule,
  attempt: () => Promise<T>,
  noFailure: (error: unknown) => boolean = () => false,
): Promise<T> {
  await takeAttempt(deps, key, rule);
  let result: T;
  try {
    result = await attempt();
  } catch (error) {
    if (noFailure(error)) await refundAttempt(deps, key);
    throw error;
  }
  await clearThrottle(deps, key);
  return result;
}
