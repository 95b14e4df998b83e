/**
 * What an administrator (or the server's operator, with the CLI) does to staff accounts: disable and enable, require
 * a password reset, clear two-factor sign-in, lift a sign-in lockout, set the notice address. Each change is
 * audited; those that cut access end the user's sessions at once.
 */
import { checkEmail } from './email.ts';
import { deleteSessionsOfUser } from '../../store/sessions.ts';
import { inTransaction } from '../../store/transaction.ts';
import {
  clearTotp,
  countSoleIdentityReports,
  markPasswordReset,
  markUserDisabled,
  markUserEnabled,
  updateUserEmail,
  userExists,
} from '../../store/users.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { clearSignInAttempts } from '../throttle.ts';
import { findUser } from './users.ts';

/** What disabling an account put out of reach. */
export interface DisableOutcome {
  /**
   * Reports whose identity key is sealed to this user and to no other enabled, activated account: while the account
   * is disabled nobody can open or disclose those identities (0 for anyone who holds no identity).
   */
  soleIdentityReports: number;
}

/** Disables a user and ends their sessions at once. @throws not_found */
export async function disableUser(
  deps: Deps,
  username: string,
  actor: string | null = 'system',
): Promise<DisableOutcome> {
  const user = await findUser(deps, username);
  return disableUserById(deps, user.id, actor);
}

/**
 * Disables a user by id and ends their sessions at once (the rows go, so an old cookie opens nothing). Their grants
 * stay, so enabling the account again (`enableUserById`) gives everything back.
 * Disabling a disabled user changes nothing and is not an error.
 * @returns how many reports' identities no one else can open now (`DisableOutcome`)
 * @throws not_found
 */
export async function disableUserById(
  deps: Deps,
  userId: string,
  actor: string | null = 'system',
): Promise<DisableOutcome> {
  return inTransaction(deps.db, async (trx) => {
    if (!(await markUserDisabled(trx, userId, deps.now().toISOString())) && !(await userExists(trx, userId)))
      throw errors.notFound('No such user.');
    await deleteSessionsOfUser(trx, userId);
    await audit(deps, trx, { actor, action: 'user.disable', subject: `user:${userId}` });
    // Reports whose identity grant only this user holds among enabled, activated accounts (grants ⋈ users).
    return { soleIdentityReports: await countSoleIdentityReports(trx, userId) };
  });
}

/** What an administrator is told after disabling the only account that opens some reports' identities. */
export function soleIdentityWarning(count: number): string | null {
  if (count === 0) return null;
  const reports = count === 1 ? '1 report' : `${count} reports`;
  return `Only this account could open the reporter’s identity of ${reports}: each identity key is sealed to the custodians who hold it, and no other enabled account holds these. While the account is disabled nobody can open or disclose those identities. Enable it again to keep them reachable.`;
}

/** Enables a disabled user again by username. @throws not_found */
export async function enableUser(deps: Deps, username: string, actor: string | null = 'system'): Promise<void> {
  const user = await findUser(deps, username);
  await enableUserById(deps, user.id, actor);
}

/**
 * Enables a disabled account again (audited `user.enable`): the person signs in with their password as before and
 * every grant they held opens again. Enabling an enabled account changes nothing and is not audited.
 * @throws not_found
 */
export async function enableUserById(deps: Deps, userId: string, actor: string | null = 'system'): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    if (!(await markUserEnabled(trx, userId))) {
      if (!(await userExists(trx, userId))) throw errors.notFound('No such user.');
      return;
    }
    await audit(deps, trx, { actor, action: 'user.enable', subject: `user:${userId}` });
  });
}

/**
 * An administrator's password reset: the current password stops signing in at once and every session of the user
 * ends. Nobody sets a new password here: the administrator cannot unwrap the user's private key (DESIGN "Keys"),
 * so the user sets one with their recovery key (`recoverAccount`), which clears the reset.
 * @throws not_found
 */
export async function requirePasswordReset(deps: Deps, userId: string, actor: string | null = 'system'): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    if (!(await markPasswordReset(trx, userId, deps.now().toISOString()))) throw errors.notFound('No such user.');
    await deleteSessionsOfUser(trx, userId);
    await audit(deps, trx, { actor, action: 'user.password_reset', subject: `user:${userId}` });
  });
}

/**
 * Clears a user's two-factor sign-in (a lost phone) and ends their sessions; they sign in with the password alone
 * and, when their role requires TOTP, must set it up again before anything else.
 * @throws not_found
 */
export async function resetUserTotp(deps: Deps, userId: string, actor: string | null = 'system'): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    if (!(await clearTotp(trx, userId))) throw errors.notFound('No such user.');
    await deleteSessionsOfUser(trx, userId);
    await audit(deps, trx, { actor, action: 'user.totp_reset', subject: `user:${userId}` });
  });
}

/** Lifts a sign-in lockout. @throws not_found */
export async function unlockUser(deps: Deps, username: string, actor: string | null = 'system'): Promise<void> {
  const user = await findUser(deps, username);
  await clearSignInAttempts(deps, username);
  await inTransaction(deps.db, (trx) => audit(deps, trx, { actor, action: 'user.unlock', subject: `user:${user.id}` }));
}

/**
 * Sets (or, with null, removes) a staff user's notice address. Audited without the address itself.
 * @throws DomainError invalid_email | not_found
 */
export async function setUserEmail(
  deps: Pick<Deps, 'db' | 'dialect' | 'now'>,
  userId: string,
  email: string | null,
  actor: string | null = 'system',
): Promise<void> {
  const value = checkEmail(email);
  await inTransaction(deps.db, async (trx) => {
    if (!(await updateUserEmail(trx, userId, value))) throw errors.notFound('No such user.');
    await audit(deps, trx, {
      actor,
      action: value ? 'user.email.set' : 'user.email.remove',
      subject: `user:${userId}`,
    });
  });
}
