/**
 * Argon2id costs in the database (issue 8 item 9): each verifier — a user's password and recovery-key wraps, a
 * report's receipt — keeps the costs it was made with, so raising CONFIDE_ARGON2_* later breaks no sign-in; a user's
 * password wrap is made again with the current costs at their next sign-in. Rows made before migration 0005 have
 * none: they were made with the costs configured then, which the first start after 0005 records on them
 * (`recordLegacyCosts`) — so upgrade first, and change the costs only after that start.
 */
import { decodeArgon2Params, encodeArgon2Params, type Argon2Params } from '../crypto/kdf.ts';
import type { Deps } from './deps.ts';

/** The costs a stored verifier was made with; a row without them (before 0005, not yet recorded) uses today's. */
export function storedCosts(deps: Pick<Deps, 'argon2'>, stored: string | null): Argon2Params {
  return stored === null ? deps.argon2 : decodeArgon2Params(stored);
}

/** The column value for a verifier made now, with the configured costs. */
export const currentCosts = (deps: Pick<Deps, 'argon2'>): string => encodeArgon2Params(deps.argon2);

const RECORDED = 'argon2_legacy_costs';

/**
 * Once, at the first start after migration 0005: writes `params` (the configured costs) on every verifier that has
 * none, and notes in `settings` that it was done (with the costs), so that later changes of the configuration leave
 * those rows alone. Idempotent; two nodes starting at once write the same values.
 */
export async function recordLegacyCosts(deps: Pick<Deps, 'db'>, params: Argon2Params): Promise<void> {
  const done = await deps.db.selectFrom('settings').select('key').where('key', '=', RECORDED).executeTakeFirst();
  if (done) return;
  const costs = encodeArgon2Params(params);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_kdf: costs })
      .where('password_kdf', 'is', null)
      .where('activated_at', 'is not', null)
      .execute();
    await trx
      .updateTable('users')
      .set({ recovery_kdf: costs })
      .where('recovery_kdf', 'is', null)
      .where('activated_at', 'is not', null)
      .execute();
    await trx.updateTable('reports').set({ receipt_kdf: costs }).where('receipt_kdf', 'is', null).execute();
    await trx
      .insertInto('settings')
      .values({ key: RECORDED, value: costs })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  });
}
