/** Staff accounts: creation (with key pair and recovery key), sign-in, disabling. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { createUserKeys, unlockWithPassword } from '../crypto/keyring.ts';
import type { Role, StaffUser } from '../shared/api.ts';
import { ROLES } from '../shared/api.ts';
import { audit } from './audit.ts';
import type { Deps } from './deps.ts';
import { errors } from './errors.ts';
import { createSession, deleteUserSessions } from './sessions.ts';
import { clearThrottle } from './throttle.ts';

export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
export const MIN_PASSWORD = 12;

export function checkNewPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD)
    throw errors.invalid('weak_password', `The password needs at least ${MIN_PASSWORD} characters.`);
  if (password.length > 1000) throw errors.invalid('long_password', 'The password may have at most 1000 characters.');
}

/**
 * Creates a staff user with a fresh X25519 key pair wrapped by the password and by a recovery key.
 * @returns the user and the recovery key, which is shown once and never stored.
 * @throws DomainError invalid_username | weak_password | unknown_role | username_taken
 */
export async function addUser(
  deps: Deps,
  input: { username: string; role: string; password: string; displayName?: string; actor?: string | null },
): Promise<{ user: StaffUser; recoveryKey: string }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username))
    throw errors.invalid(
      'invalid_username',
      'A username has 2–64 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit.',
    );
  if (!(ROLES as readonly string[]).includes(input.role))
    throw errors.invalid('unknown_role', `Unknown role "${input.role}". Roles: ${ROLES.join(', ')}.`);
  checkNewPassword(input.password);
  const keys = await createUserKeys(input.password, deps.argon2);
  const id = randomUUID();
  const displayName = input.displayName?.trim() || username;
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values({
          id,
          username,
          display_name: displayName,
          role: input.role,
          public_key: keys.publicKey,
          password_salt: keys.passwordSalt,
          password_verifier: keys.passwordVerifier,
          wrapped_secret_key: keys.wrappedSecretKey,
          recovery_salt: keys.recoverySalt,
          recovery_verifier: keys.recoveryVerifier,
          recovery_wrapped_secret_key: keys.recoveryWrappedSecretKey,
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
  return { user: { id, username, role: input.role as Role, displayName }, recoveryKey: keys.recoveryKey };
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

/** Disables a user and ends their sessions at once. @throws not_found */
export async function disableUser(deps: Deps, username: string, actor: string | null = 'system'): Promise<void> {
  const user = await findUser(deps, username);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ disabled_at: deps.now().toISOString() }).where('id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await audit(deps, trx, { actor, action: 'user.disable', subject: `user:${user.id}` });
  });
  await deleteUserSessions(deps, user.id);
}

export async function countActiveUsers(deps: Pick<Deps, 'db'>, role?: Role): Promise<number> {
  let q = deps.db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .where('disabled_at', 'is', null);
  if (role) q = q.where('role', '=', role);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export function presentUser(row: { id: string; username: string; role: string; display_name: string }): StaffUser {
  return { id: row.id, username: row.username, role: row.role as Role, displayName: row.display_name };
}

/**
 * Signs a staff user in: checks the password (Argon2id), unwraps the private key and keeps it in a new session.
 * Unknown user, wrong password and disabled account give the same error and take about the same time.
 * @returns the cookie value and the user
 * @throws DomainError unauthorized
 */
export async function signIn(
  deps: Deps,
  username: string,
  password: string,
): Promise<{ token: string; user: StaffUser; sessionId: string }> {
  const row = await deps.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
  const secretKey = await unlockWithPassword(
    password,
    row
      ? {
          passwordSalt: row.password_salt,
          passwordVerifier: row.password_verifier,
          wrappedSecretKey: row.wrapped_secret_key,
        }
      : DUMMY_USER,
    deps.argon2,
  );
  if (!row || !secretKey || row.disabled_at) {
    await deps.db
      .transaction()
      .execute((trx) => audit(deps, trx, { actor: row?.id ?? null, action: 'session.failed' }));
    throw errors.unauthorized('Wrong username or password.');
  }
  const token = await createSession(deps, {
    kind: 'staff',
    userId: row.id,
    key: secretKey,
    minutes: deps.sessions.staffMinutes,
  });
  await deps.db.transaction().execute((trx) => audit(deps, trx, { actor: row.id, action: 'session.create' }));
  return { token, user: presentUser(row), sessionId: token.split('.')[0]! };
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
