/**
 * First start: with no staff user yet, a one-time setup link creates the first administrator and picks the
 * deployment profile. The link's token is stored only as a hash and dies with its first use.
 */
import { hash, randomBytes, equal } from '../../crypto/sodium.ts';
import type { Profile } from '../../shared/profile.ts';
import { audit } from '../audit/record.ts';
import { deleteSetting, findSetting, insertSettingIfMissing, upsertSetting } from '../../store/settings.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { countActiveUsers } from './user-list.ts';
import { addUser } from './users.ts';

export const DEFAULT_PROFILE = 'national-security';

export async function getSetting(deps: Pick<Deps, 'db'>, key: string): Promise<string | undefined> {
  return findSetting(deps.db, key);
}

export async function putSetting(deps: Pick<Deps, 'db'>, key: string, value: string): Promise<void> {
  await upsertSetting(deps.db, key, value);
}

/** The server-wide secret, made on first start; every node reads the same one. */
export async function loadServerSecret(deps: Pick<Deps, 'db'>): Promise<Buffer> {
  await insertSettingIfMissing(deps.db, 'server_secret', randomBytes(32).toString('base64'));
  return Buffer.from((await getSetting(deps, 'server_secret'))!, 'base64');
}

export async function needsSetup(deps: Pick<Deps, 'db'>): Promise<boolean> {
  return (await countActiveUsers(deps)) === 0;
}

/** Makes a new setup token (replacing any earlier one). @returns the token for the setup link */
export async function issueSetupToken(deps: Pick<Deps, 'db'>): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await putSetting(deps, 'setup_token_hash', hash(token).toString('hex'));
  return token;
}

export async function checkSetupToken(deps: Pick<Deps, 'db'>, token: string): Promise<boolean> {
  const stored = await getSetting(deps, 'setup_token_hash');
  return !!stored && token.length > 0 && equal(Buffer.from(stored, 'hex'), hash(token));
}

/**
 * Whether the setup link may be used: no active staff user yet, and `token` is the newest setup token.
 * @throws DomainError setup_done (409) | forbidden (403: a wrong or old link)
 */
export async function checkSetupOpen(deps: Pick<Deps, 'db'>, token: string): Promise<void> {
  if (!(await needsSetup(deps)))
    throw errors.conflict('setup_done', 'Confide is already set up. Staff sign in to the staff workspace at /staff/.');
  if (!(await checkSetupToken(deps, token)))
    throw errors.forbidden(
      'This setup link is not valid. Use the link printed on the server console by the newest start of Confide.',
    );
}

/**
 * Creates the first administrator and sets the profile. Every check of the input is here (the setup form only
 * compares its two password fields and asks for a profile).
 * @returns the administrator's recovery key (shown once)
 * @throws DomainError setup_done | forbidden (bad setup token) | weak_password | long_password | invalid_username
 */
export async function completeSetup(
  deps: Deps,
  input: { token: string; username: string; password: string; displayName?: string; profile: Profile },
): Promise<{ recoveryKey: string }> {
  await checkSetupOpen(deps, input.token);
  const { user, recoveryKey } = await addUser(deps, { ...input, role: 'administrator' });
  await putSetting(deps, 'profile', input.profile.id);
  await deleteSetting(deps.db, 'setup_token_hash');
  await inTransaction(deps.db, (trx) =>
    audit(deps, trx, { actor: user.id, action: 'setup.complete', reason: input.profile.id }),
  );
  deps.setProfile(input.profile);
  return { recoveryKey };
}
