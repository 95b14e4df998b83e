/**
 * Staff accounts: creation (with key pair and recovery key), sign-in (password, then a TOTP code when the user has
 * two-factor sign-in), and what an administrator does to accounts: list, disable, require a password reset, clear
 * TOTP. An administrator never learns or sets a password: a reset only stops the old one, and the user sets a new
 * one with their recovery key (src/domain/account.ts), since only the password or the recovery key unwraps their
 * private key.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createUserKeys, rewrapWithPassword, unlockWithPassword, type UserKeys } from '../crypto/keyring.ts';
import { encodeArgon2Params, weakerThan } from '../crypto/kdf.ts';
import { wipe } from '../crypto/sodium.ts';
import type { Role, StaffUser } from '../shared/api.ts';
import { ROLES } from '../shared/api.ts';
import type { UserListItem } from '../shared/accounts.ts';
import { audit } from './audit.ts';
import { parseCategories } from './category-staff.ts';
import type { Tables } from '../store/tables.ts';
import type { Deps } from './deps.ts';
import { DomainError, errors } from './errors.ts';
import { createSession } from './sessions.ts';
import { clearThrottle } from './throttle.ts';
import { currentCosts, storedCosts } from './argon2-costs.ts';
import { checkNewPassword } from './passwords.ts';
import { acceptTotpCode, totpStateOf, withTotpSecret, type TotpState } from './totp.ts';
import { cleanText } from '../shared/text.ts';

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** The key columns of an account that has none yet (an invitation not yet used): NOT NULL, so empty buffers. */
export const NO_KEYS = {
  public_key: Buffer.alloc(0),
  password_salt: Buffer.alloc(0),
  password_verifier: Buffer.alloc(0),
  wrapped_secret_key: Buffer.alloc(0),
  recovery_salt: Buffer.alloc(0),
  recovery_verifier: Buffer.alloc(0),
  recovery_wrapped_secret_key: Buffer.alloc(0),
} as const;

type NewAccount = Pick<Tables['users'], 'public_key' | 'password_salt' | 'password_verifier' | 'wrapped_secret_key'> &
  Pick<Tables['users'], 'recovery_salt' | 'recovery_verifier' | 'recovery_wrapped_secret_key'> &
  Pick<Tables['users'], 'activated_at' | 'invitation_hash' | 'invitation_expires_at'> &
  Partial<
    Pick<
      Tables['users'],
      'invited_by' | 'invitation_approved_by' | 'invitation_approval_hash' | 'password_kdf' | 'recovery_kdf'
    >
  >;

/**
 * Inserts a staff account (audited `user.create`, reason the role) with the key and invitation columns given.
 * @throws DomainError invalid_username | unknown_role | username_taken
 */
export async function insertUser(
  deps: Deps,
  input: { username: string; role: string; displayName?: string; actor?: string | null },
  columns: NewAccount,
): Promise<StaffUser> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username))
    throw errors.invalid(
      'invalid_username',
      'A username has 2–64 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit.',
    );
  if (!(ROLES as readonly string[]).includes(input.role))
    throw errors.invalid('unknown_role', `Unknown role "${input.role}". Roles: ${ROLES.join(', ')}.`);
  const id = randomUUID();
  const displayName = cleanText(input.displayName ?? '').trim() || username;
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values({
          id,
          username,
          display_name: displayName,
          role: input.role,
          ...columns,
          disabled_at: null,
          created_at: deps.now().toISOString(),
        })
        .execute();
      await audit(deps, trx, {
        actor: input.actor ?? 'system',
        action: 'user.create',
        subject: `user:${id}`,
        reason: input.role,
      });
    });
  } catch (error) {
    if (/unique|duplicate/i.test(String((error as Error).message)))
      throw errors.conflict('username_taken', `The username "${username}" is taken.`);
    throw error;
  }
  return { id, username, role: input.role as Role, displayName };
}

/**
 * Creates an activated staff user with a fresh X25519 key pair wrapped by the password and by a recovery key. For
 * whoever runs the server (CLI, first set-up, demo); administrators invite instead (src/domain/invitations.ts), so
 * they never know another person's password or recovery key.
 * @returns the user and the recovery key, which is shown once and never stored.
 * @throws DomainError invalid_username | weak_password | unknown_role | username_taken
 */
/** The users columns of a freshly made key pair with its password and recovery-key wraps. */
export function keyColumns(keys: UserKeys) {
  return {
    public_key: keys.publicKey,
    password_salt: keys.passwordSalt,
    password_verifier: keys.passwordVerifier,
    wrapped_secret_key: keys.wrappedSecretKey,
    recovery_salt: keys.recoverySalt,
    recovery_verifier: keys.recoveryVerifier,
    recovery_wrapped_secret_key: keys.recoveryWrappedSecretKey,
    password_kdf: encodeArgon2Params(keys.params),
    recovery_kdf: encodeArgon2Params(keys.params),
  };
}

export async function addUser(
  deps: Deps,
  input: { username: string; role: string; password: string; displayName?: string; actor?: string | null },
): Promise<{ user: StaffUser; recoveryKey: string }> {
  checkNewPassword(input.password, [input.username, input.displayName ?? '']);
  const keys = await createUserKeys(input.password, deps.argon2);
  const user = await insertUser(deps, input, {
    ...keyColumns(keys),
    activated_at: deps.now().toISOString(),
    invitation_hash: null,
    invitation_expires_at: null,
  });
  return { user, recoveryKey: keys.recoveryKey };
}

/** A staff user by username (any case, surrounding spaces ignored). @throws not_found naming the user */
export async function findUser(deps: Pick<Deps, 'db'>, username: string): Promise<{ id: string }> {
  const user = await deps.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  if (!user) throw errors.notFound(`No user "${username}".`);
  return user;
}

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
 * How many reports' identities only this user can open: they hold an identity grant (the identity key sealed to
 * their public key) and no other enabled, activated account does. Source: grants ⋈ users.
 */
export async function soleIdentityReports(db: Deps['db'], userId: string): Promise<number> {
  const row = await db
    .selectFrom('grants as g')
    .select(sql<number>`count(*)`.as('n'))
    .where('g.user_id', '=', userId)
    .where('g.scope', '=', 'identity')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('grants as other')
            .innerJoin('users as u', 'u.id', 'other.user_id')
            .select('other.user_id')
            .whereRef('other.report_id', '=', 'g.report_id')
            .where('other.scope', '=', 'identity')
            .where('other.user_id', '!=', userId)
            .where('u.disabled_at', 'is', null)
            .where('u.activated_at', 'is not', null),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Disables a user by id and ends their sessions at once (the rows go, so an old cookie opens nothing). Their grants
 * stay, so enabling the account again (`enableUserById`) gives everything back.
 * Disabling a disabled user changes nothing and is not an error.
 * @returns how many reports' identities no one else can open now (see `soleIdentityReports`)
 * @throws not_found
 */
export async function disableUserById(
  deps: Deps,
  userId: string,
  actor: string | null = 'system',
): Promise<DisableOutcome> {
  return deps.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('users')
      .set({ disabled_at: deps.now().toISOString() })
      .where('id', '=', userId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) {
      const exists = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
      if (!exists) throw errors.notFound('No such user.');
    }
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await audit(deps, trx, { actor, action: 'user.disable', subject: `user:${userId}` });
    return { soleIdentityReports: await soleIdentityReports(trx, userId) };
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
  await deps.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('users')
      .set({ disabled_at: null })
      .where('id', '=', userId)
      .where('disabled_at', 'is not', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) {
      const exists = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
      if (!exists) throw errors.notFound('No such user.');
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
  await deps.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('users')
      .set({ password_reset_at: deps.now().toISOString() })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw errors.notFound('No such user.');
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await audit(deps, trx, { actor, action: 'user.password_reset', subject: `user:${userId}` });
  });
}

/**
 * Clears a user's two-factor sign-in (a lost phone) and ends their sessions; they sign in with the password alone
 * and, when their role requires TOTP, must set it up again before anything else.
 * @throws not_found
 */
export async function resetUserTotp(deps: Deps, userId: string, actor: string | null = 'system'): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('users')
      .set({ totp_sealed_secret: null, totp_enabled_at: null, totp_last_step: null })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw errors.notFound('No such user.');
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await audit(deps, trx, { actor, action: 'user.totp_reset', subject: `user:${userId}` });
  });
}

/**
 * Every staff account as the administrator's Users page lists it, by username (or just the one with `id`). Never a
 * key or a secret.
 */
/** Staff accounts as the administrator's list shows them; `viewerId` decides `canApproveInvitation`. */
export async function listUsers(
  deps: Pick<Deps, 'db' | 'accounts'>,
  id?: string,
  viewerId?: string,
): Promise<UserListItem[]> {
  let q = deps.db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'display_name',
      'role',
      'email',
      'disabled_at',
      'totp_enabled_at',
      'totp_sealed_secret',
      'password_reset_at',
      'categories',
      'activated_at',
      'invitation_expires_at',
      'invited_by',
      'invitation_approved_by',
    ])
    .orderBy('username');
  if (id !== undefined) q = q.where('id', '=', id);
  const rows = await q.execute();
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    email: row.email,
    disabled: row.disabled_at !== null,
    totpEnabled: row.totp_enabled_at !== null,
    totpRequired: totpStateOf(deps, row).required,
    passwordResetPending: row.password_reset_at !== null,
    categories: parseCategories(row.categories),
    activated: row.activated_at !== null,
    invitationExpiresAt: row.activated_at === null ? row.invitation_expires_at : null,
    invitationApproved: row.activated_at !== null || row.invitation_approved_by !== null,
    canApproveInvitation:
      row.activated_at === null &&
      row.invitation_approved_by === null &&
      viewerId !== undefined &&
      row.invited_by !== viewerId &&
      row.id !== viewerId,
  }));
}

/** One account as `listUsers` presents it. @throws not_found */
export async function getUserListItem(
  deps: Pick<Deps, 'db' | 'accounts'>,
  id: string,
  viewerId?: string,
): Promise<UserListItem> {
  const [user] = await listUsers(deps, id, viewerId);
  if (!user) throw errors.notFound('No such user.');
  return user;
}

export async function countActiveUsers(deps: Pick<Deps, 'db'>, role?: Role): Promise<number> {
  let q = deps.db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .where('disabled_at', 'is', null)
    .where('activated_at', 'is not', null);
  if (role) q = q.where('role', '=', role);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export function presentUser(row: { id: string; username: string; role: string; display_name: string }): StaffUser {
  return { id: row.id, username: row.username, role: row.role as Role, displayName: row.display_name };
}

export const WRONG_PASSWORD = 'Wrong username or password.';
export const RESET_PENDING =
  'An administrator has reset your password, so it no longer works. Choose a new one with your recovery key ("Forgot your password?").';

/**
 * Signs a staff user in: checks the password (Argon2id), unwraps the private key and, when the user has two-factor
 * sign-in, asks for a TOTP code — only once the password is right, so a wrong password never reveals whether TOTP
 * is on. The session then keeps the private key. Unknown user, wrong password and disabled account give the same
 * error and take about the same time; so does an account not yet activated (it has no password yet). After an
 * administrator's reset the old password, when right, is answered with how to choose a new one; a wrong one gets
 * the usual answer. A right password without the TOTP code is the first step of a two-factor sign-in, not a
 * failure: it is audited `session.code_required` (not `session.failed`), and the caller must not count it toward
 * the lockout (`isCodeRequest`); a wrong or used code is a failure.
 * @param code the 6-digit TOTP code (RFC 6238), needed when the user has TOTP on; accepted once
 * @returns the cookie value, the user and where they stand with TOTP (`required` and not `enabled`: the session
 *   may only set TOTP up)
 * @throws DomainError unauthorized | password_reset | totp_required | totp_invalid (all 401)
 */
export async function signIn(
  deps: Deps,
  username: string,
  password: string,
  code?: string,
): Promise<{ token: string; user: StaffUser; sessionId: string; totp: TotpState }> {
  const row = await deps.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  const secretKey = await unlockWithPassword(
    password,
    row?.activated_at
      ? {
          passwordSalt: row.password_salt,
          passwordVerifier: row.password_verifier,
          wrappedSecretKey: row.wrapped_secret_key,
        }
      : DUMMY_USER,
    row?.activated_at ? storedCosts(deps, row.password_kdf) : deps.argon2,
  );
  const fail = async (error: DomainError, reason: string | null = null): Promise<never> => {
    if (secretKey) wipe(secretKey);
    const action = isCodeRequest(error) ? 'session.code_required' : 'session.failed';
    await deps.db.transaction().execute((trx) => audit(deps, trx, { actor: row?.id ?? null, action, reason }));
    throw error;
  };
  if (!row?.activated_at || !secretKey || row.disabled_at) return fail(errors.unauthorized(WRONG_PASSWORD));
  if (row.password_reset_at)
    return fail(new DomainError('unauthorized', 'password_reset', RESET_PENDING), 'password_reset');
  if (row.totp_enabled_at && row.totp_sealed_secret) {
    try {
      await withTotpSecret({ publicKey: row.public_key, secretKey }, row.totp_sealed_secret, (secret) =>
        acceptTotpCode(deps, row, secret, code),
      );
    } catch (error) {
      if (error instanceof DomainError) return fail(error, 'totp');
      throw error;
    }
  }
  await strengthenPasswordWrap(deps, row, password, secretKey);
  return startStaffSession(deps, row, secretKey);
}

/**
 * The user's columns that hold their private key wrapped under `password` with today's Argon2id costs, for an update.
 * The caller still owns and wipes `secretKey`.
 */
export async function passwordColumns(deps: Pick<Deps, 'argon2'>, secretKey: Buffer, password: string) {
  const wrap = await rewrapWithPassword(secretKey, password, deps.argon2);
  return {
    password_salt: wrap.passwordSalt,
    password_verifier: wrap.passwordVerifier,
    wrapped_secret_key: wrap.wrappedSecretKey,
    password_kdf: currentCosts(deps),
  };
}

/**
 * After a successful sign-in: when the password wrap was made with lower Argon2id costs than are configured now, wraps
 * the private key again under the same password with today's costs (one more Argon2id, once). Conditional on the
 * verifier still being the one checked, so a password changed meanwhile is left alone.
 */
async function strengthenPasswordWrap(
  deps: Deps,
  row: { id: string; password_kdf: string | null; password_verifier: Buffer },
  password: string,
  secretKey: Buffer,
): Promise<void> {
  if (!weakerThan(storedCosts(deps, row.password_kdf), deps.argon2)) return;
  await deps.db
    .updateTable('users')
    .set(await passwordColumns(deps, secretKey, password))
    .where('id', '=', row.id)
    .where('password_verifier', '=', row.password_verifier)
    .execute();
}

/** The first step of a two-factor sign-in (right password, no code yet): not a failure, so not counted. */
export const isCodeRequest = (error: unknown): boolean => error instanceof DomainError && error.id === 'totp_required';

/**
 * Opens a staff session holding the (already unlocked) private key, audits it and wipes the caller's copy.
 * Shared by sign-in and by recovery with the recovery key.
 */
export async function startStaffSession(
  deps: Deps,
  row: {
    id: string;
    username: string;
    role: string;
    display_name: string;
    totp_enabled_at: string | null;
    totp_sealed_secret: Buffer | null;
  },
  secretKey: Buffer,
): Promise<{ token: string; user: StaffUser; sessionId: string; totp: TotpState }> {
  let token: string;
  try {
    token = await createSession(deps, {
      kind: 'staff',
      userId: row.id,
      key: secretKey,
      minutes: deps.sessions.staffMinutes,
    });
  } finally {
    wipe(secretKey);
  }
  await deps.db.transaction().execute((trx) => audit(deps, trx, { actor: row.id, action: 'session.create' }));
  return { token, user: presentUser(row), sessionId: token.split('.')[0]!, totp: totpStateOf(deps, row) };
}

// Same shapes as a real user, so an unknown username costs one Argon2id like a known one.
const DUMMY_USER = {
  passwordSalt: Buffer.alloc(16, 1),
  passwordVerifier: Buffer.alloc(32, 0),
  wrappedSecretKey: Buffer.alloc(72, 0),
};

/** The throttle key of staff sign-in failures (shared with the session route). */
export const signInThrottleKey = (username: string) => `staff:${username.trim().toLowerCase()}`;

/** Lifts a sign-in lockout. @throws not_found */
export async function unlockUser(deps: Deps, username: string, actor: string | null = 'system'): Promise<void> {
  const user = await findUser(deps, username);
  await clearThrottle(deps, signInThrottleKey(username));
  await deps.db
    .transaction()
    .execute((trx) => audit(deps, trx, { actor, action: 'user.unlock', subject: `user:${user.id}` }));
}
