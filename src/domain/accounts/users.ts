/**
 * Staff accounts: creation (with key pair and recovery key, or without keys for an invitation), finding one by
 * username, and how a user is presented. An administrator never learns or sets a password: a reset only stops the old
 * one, and the user sets a new one with their recovery key (src/domain/accounts/account.ts), since only the password or the
 * recovery key unwraps their private key. Sign-in is in sign-in.ts, administration in user-admin.ts, the
 * administrator's list in user-list.ts.
 */
import { randomUUID } from 'node:crypto';
import { createUserKeys, type UserKeys } from '../../crypto/keyring.ts';
import { encodeArgon2Params } from '../../crypto/kdf.ts';
import type { Role, StaffUser } from '../../shared/api.ts';
import { ROLES } from '../../shared/api.ts';
import { cleanText } from '../../shared/text.ts';
import type { Tables } from '../../store/tables.ts';
import { inTransaction } from '../../store/transaction.ts';
import { findUserIdByName, insertUserRow } from '../../store/users.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { checkNewPassword } from './passwords.ts';

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
    await inTransaction(deps.db, async (trx) => {
      await insertUserRow(trx, {
        id,
        username,
        display_name: displayName,
        role: input.role,
        ...columns,
        disabled_at: null,
        created_at: deps.now().toISOString(),
      });
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

/**
 * Creates an activated staff user with a fresh X25519 key pair wrapped by the password and by a recovery key. For
 * whoever runs the server (CLI, first set-up, demo); administrators invite instead (src/domain/accounts/invitations.ts), so
 * they never know another person's password or recovery key.
 * @returns the user and the recovery key, which is shown once and never stored.
 * @throws DomainError invalid_username | weak_password | unknown_role | username_taken
 */
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
  const user = await findUserIdByName(deps.db, username.trim().toLowerCase());
  if (!user) throw errors.notFound(`No user "${username}".`);
  return user;
}

/** A user as the API shows them. */
export function presentUser(row: { id: string; username: string; role: string; display_name: string }): StaffUser {
  return { id: row.id, username: row.username, role: row.role as Role, displayName: row.display_name };
}
