/**
 * Every limit on attempts at a secret, in one place: staff sign-in (password and TOTP code), activation with
 * invitation codes, recovery with the recovery key, turning TOTP off, certificate codes, and receipts. Routes and
 * other domain functions call the named check for their purpose (`asSignInAttempt`, `slowReceiptFailure` …); the
 * keys and rules live only here.
 *
 * Two ways of limiting. Staff secrets are locked out: every attempt is counted, in one atomic statement, BEFORE it is
 * checked, so that parallel requests cannot all be checked while the count is still low (issue 8: 40 parallel wrong
 * passwords were all checked when the count was read before and written after). After `limit` attempts in a window
 * the key is refused until the window ends; a success clears the count. Receipts are only slowed (src/domain/
 * slowdown.ts): a reporter is never locked out. Keys are hashed so the table holds no locator or username.
 */
import { mailSenderKey } from '../crypto/mail-keys.ts';
import { hash } from '../crypto/sodium.ts';
import { MINUTE } from '../shared/time.ts';
import type { Database } from '../store/database.ts';
import { countThrottleAttempt, decrementThrottleAttempt, deleteThrottleRow } from '../store/throttle.ts';
import type { Deps } from './deps.ts';
import { errors } from './errors.ts';
import { FAILURE_WINDOW_MS, failureDelayMs, FREE_FAILURES } from './slowdown.ts';

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

/** Staff secrets and certificate codes: ten failures in 15 minutes, then refused for the rest of the window. */
export const STAFF_THROTTLE: ThrottleRule = { limit: 10, windowMs: 15 * MINUTE };

/** The stored (hashed) form of a throttle key: the table holds no locator or username. */
const keyOf = (key: string) => hash(`throttle:${key}`).toString('hex');

const byUsername = (purpose: string, username: string) => `${purpose}:${username.trim().toLowerCase()}`;
const receiptKey = (locator: string) => `receipt:${locator}`;

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
  const row = await countThrottleAttempt(deps.db, keyOf(key), now.toISOString(), cutoff);
  return { count: row.failures, windowStart: new Date(row.window_start) };
}

/**
 * Takes one attempt on `key` before the secret is checked; the caller then checks it, and on success calls
 * `clearThrottle` (or `refundAttempt` when the attempt was no failure).
 * @throws DomainError too_many_attempts (429) when this attempt is over the limit: the secret must not be checked
 */
async function takeAttempt(deps: Pick<Deps, 'db' | 'now'>, key: string, rule: ThrottleRule): Promise<void> {
  const { count, windowStart } = await countAttempt(deps, key, rule);
  if (count <= rule.limit) return;
  const minutes = Math.max(1, Math.ceil((windowStart.getTime() + rule.windowMs - deps.now().getTime()) / MINUTE));
  throw errors.tooMany(`Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`);
}

/** Gives back an attempt that turned out to be no failure, so it does not count toward the limit. */
async function refundAttempt(deps: Pick<Deps, 'db'>, key: string): Promise<void> {
  await decrementThrottleAttempt(deps.db, keyOf(key));
}

/** Forgets every attempt on `key` (a success, or an administrator's unlock). */
async function clearThrottle(deps: Pick<Deps, 'db'>, key: string): Promise<void> {
  await deleteThrottleRow(deps.db, keyOf(key));
}

/**
 * Runs `attempt` as one counted attempt on `key`: taken before it runs (`takeAttempt`), cleared when it succeeds,
 * given back when it fails with an error `noFailure` accepts (e.g. the first step of a two-factor sign-in), and left
 * counted otherwise.
 * @throws DomainError too_many_attempts before `attempt` runs; whatever `attempt` throws
 */
async function asAttempt<T>(
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

type ThrottleDeps = Pick<Deps, 'db' | 'now'>;

/**
 * One staff sign-in attempt for `username` (password, then TOTP code); a password change checks the current password
 * on the same count. See `asAttempt`. @throws DomainError too_many_attempts (429); whatever `attempt` throws
 */
export const asSignInAttempt = <T>(
  deps: ThrottleDeps,
  username: string,
  attempt: () => Promise<T>,
  noFailure?: (error: unknown) => boolean,
): Promise<T> => asAttempt(deps, byUsername('staff', username), STAFF_THROTTLE, attempt, noFailure);

/** One activation attempt with invitation codes for `username` (its own count, apart from sign-in and recovery). */
export const asActivationAttempt = <T>(
  deps: ThrottleDeps,
  username: string,
  attempt: () => Promise<T>,
  noFailure?: (error: unknown) => boolean,
): Promise<T> => asAttempt(deps, byUsername('staff-activate', username), STAFF_THROTTLE, attempt, noFailure);

/** One recovery attempt with the recovery key for `username` (apart from sign-in, so one cannot block the other). */
export const asRecoveryAttempt = <T>(
  deps: ThrottleDeps,
  username: string,
  attempt: () => Promise<T>,
  noFailure?: (error: unknown) => boolean,
): Promise<T> => asAttempt(deps, byUsername('staff-recover', username), STAFF_THROTTLE, attempt, noFailure);

/** One attempt at the TOTP code that turns two-factor sign-in off for the signed-in user `userId`. */
export const asTotpOffAttempt = <T>(deps: ThrottleDeps, userId: string, attempt: () => Promise<T>): Promise<T> =>
  asAttempt(deps, `totp-off:${userId}`, STAFF_THROTTLE, attempt);

/** Lifts the sign-in lockout of `username` (an administrator's unlock). */
export const clearSignInAttempts = (deps: Pick<Deps, 'db'>, username: string): Promise<void> =>
  clearThrottle(deps, byUsername('staff', username));

/**
 * Counts one certificate-code check by `userId` before it is made; give it back with `refundCertificateAttempt`
 * when the code was valid (only wrong codes count).
 * @throws DomainError too_many_attempts (429)
 */
export const takeCertificateAttempt = (deps: ThrottleDeps, userId: string): Promise<void> =>
  takeAttempt(deps, `certificate:${userId}`, STAFF_THROTTLE);

/** Gives back a certificate-code check that found a valid code. */
export const refundCertificateAttempt = (deps: Pick<Deps, 'db'>, userId: string): Promise<void> =>
  refundAttempt(deps, `certificate:${userId}`);

/**
 * Counts a failed receipt on `locator` (after its check: a right secret never gets here) and waits as long as the
 * count in the window asks (`failureDelayMs`). Unknown locators are counted and slowed alike, so the wait tells
 * nothing.
 * @throws DomainError too_many_attempts (429), at once, when too many answers already wait
 */
export async function slowReceiptFailure(deps: Pick<Deps, 'db' | 'now' | 'slowdown'>, locator: string): Promise<void> {
  const { count } = await countAttempt(deps, receiptKey(locator), {
    limit: FREE_FAILURES,
    windowMs: FAILURE_WINDOW_MS,
  });
  if (!(await deps.slowdown.wait(failureDelayMs(count))))
    throw errors.tooMany('Too many attempts are being made at the moment. Please wait a minute and try again.');
}

/** Forgets the failed receipts counted on `locator` (its case is destroyed); `db` may be a transaction. */
export async function forgetReceiptAttempts(db: Database, locator: string): Promise<void> {
  await deleteThrottleRow(db, keyOf(receiptKey(locator)));
}

/**
 * Counts one e-mail delivery from each of `senders` (the envelope address and the client's IP address), keyed by
 * their keyed hash (src/crypto/mail-keys.ts: the table holds no address, and a copy of it cannot confirm one).
 * @throws DomainError too_many_attempts when any of them sent more than `rule.limit` in the window: the SMTP
 *   receiver answers 450 (try later), so a flood of messages is slowed without losing one that is retried
 */
export async function takeMailDelivery(
  deps: Pick<Deps, 'db' | 'now' | 'serverSecret'>,
  senders: readonly string[],
  rule: ThrottleRule,
): Promise<void> {
  for (const sender of senders) await takeAttempt(deps, `mail:${mailSenderKey(deps.serverSecret, sender)}`, rule);
}
