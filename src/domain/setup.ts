/**
 * First start: with no staff user yet, a one-time setup link creates the first administrator and picks the
 * deployment profile. The link's token is stored only as a hash and dies with its first use.
 */
import { hash, randomBytes, equal } from '../crypto/sodium.ts';
import type { Profile } from '../shared/profile.ts';
import { audit } from './audit.ts';
import type { Deps } from './deps.ts';
import { errors } from './errors.ts';
import { addUser, countActiveUsers } from './users.ts';

export const DEFAULT_PROFILE = 'national-security';

export async function getSetting(deps: Pick<Deps, 'db'>, key: string): Promise<string | undefined> {
  const row = await deps.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function putSetting(deps: Pick<Deps, 'db'>, key: string, value: string): Promise<void> {
  await deps.db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** The server-wide secret, made on first start; every node reads the same one. */
export async function loadServerSecret(deps: Pick<Deps, 'db'>): Promise<Buffer> {
  await deps.db
    .insertInto('settings')
    .values({ key: 'server_secret', value: randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
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
 * Creates the first administrator and sets the profile.
 * @returns the administrator's recovery key (shown once)
 * @throws DomainError setup_done | bad_setup_token | unknown_profile | weak_password | invalid_username
 */
export async function completeSetup(
  deps: Deps,
  input: { token: string; username: string; password: string; displayName?: string; profile: Profile },
): Promise<{ recoveryKey: string }> {
  if (!(await needsSetup(deps)))
    throw errors.conflict('setup_done', 'Confide is already set up. Sign in to the staff workspace.');
  if (!(await checkSetupToken(deps, input.token)))
    throw errors.forbidden('This setup link is not valid. Use the link printed by the newest `npm start`.');
  const { user, recoveryKey } = await addUser(deps, { ...input, role: 'administrator' });
  await putSetting(deps, 'profile', input.profile.id);
  await deps.db.deleteFrom('settings').where('key', '=', 'setup_token_hash').execute();
  await deps.db
    .transaction()
    .execute((trx) => audit(deps, trx, { actor: user.id, action: 'setup.complete', reason: input.profile.id }));
  deps.setProfile(input.profile);
  return { recoveryKey };
}
