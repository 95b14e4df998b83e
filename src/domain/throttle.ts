/**
 * Slows repeated failures (receipts, staff passwords) per key, across nodes: after `limit` failures in a window
 * the key is refused until the window ends. Keys are hashed so the table holds no locator or username.
 */
import { hash } from '../crypto/sodium.ts';
import type { Deps } from './deps.ts';
import { errors } from './errors.ts';

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

/** The stored (hashed) form of a throttle key; destroying a case deletes its receipt's row by it. */
export const keyOf = (key: string) => hash(`throttle:${key}`).toString('hex');

/** @throws DomainError too_many_attempts when the key is over its limit */
export async function checkThrottle(deps: Pick<Deps, 'db' | 'now'>, key: string, rule: ThrottleRule): Promise<void> {
  const row = await deps.db.selectFrom('throttle').selectAll().where('key', '=', keyOf(key)).executeTakeFirst();
  if (!row) return;
  const start = Date.parse(row.window_start);
  if (deps.now().getTime() - start > rule.windowMs) return;
  if (row.failures >= rule.limit) {
    const minutes = Math.max(1, Math.ceil((start + rule.windowMs - deps.now().getTime()) / 60_000));
    throw errors.tooMany(`Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`);
  }
}

export async function recordFailure(deps: Pick<Deps, 'db' | 'now'>, key: string, rule: ThrottleRule): Promise<void> {
  const k = keyOf(key);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('throttle').selectAll().where('key', '=', k).executeTakeFirst();
    if (!row || now.getTime() - Date.parse(row.window_start) > rule.windowMs) {
      const fresh = { failures: 1, window_start: now.toISOString() };
      await trx
        .insertInto('throttle')
        .values({ key: k, ...fresh })
        .onConflict((oc) => oc.column('key').doUpdateSet(fresh))
        .execute();
    } else {
      await trx
        .updateTable('throttle')
        .set({ failures: row.failures + 1 })
        .where('key', '=', k)
        .execute();
    }
  });
}

export async function clearThrottle(deps: Pick<Deps, 'db'>, key: string): Promise<void> {
  await deps.db.deleteFrom('throttle').where('key', '=', keyOf(key)).execute();
}
