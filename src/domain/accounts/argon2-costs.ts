/**
 * Argon2id costs in the database (issue 8 item 9): each verifier — a user's password and recovery-key wraps, a
 * report's receipt — keeps the costs it was made with, so raising CONFIDE_ARGON2_* later breaks no sign-in; a user's
 * password wrap is made again with the current costs at their next sign-in. Rows made before migration 0005 have
 * none: they were made with the costs configured then, which the first start after 0005 records on them
 * (`recordLegacyCosts`) — so upgrade first, and change the costs only after that start.
 */
import { decodeArgon2Params, encodeArgon2Params, type Argon2Params } from '../../crypto/kdf.ts';
import { fillMissingArgon2Costs, findSetting, insertSettingIfMissing } from '../../store/settings.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { Deps } from '../deps.ts';

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
  if ((await findSetting(deps.db, RECORDED)) !== undefined) return;
  const costs = encodeArgon2Params(params);
  await inTransaction(deps.db, async (trx) => {
    await fillMissingArgon2Costs(trx, costs);
    await insertSettingIfMissing(trx, RECORDED, costs);
  });
}
