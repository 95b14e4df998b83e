/**
 * Staff sign-in: the password (Argon2id) unwraps the private key, then a TOTP code when the user has two-factor
 * sign-in; the session keeps the key. Also the pieces recovery and activation share: a new password wrap, and
 * opening a staff session with an unlocked key.
 */
import { rewrapWithPassword, unlockWithPassword } from '../../crypto/keyring.ts';
import { weakerThan } from '../../crypto/kdf.ts';
import { wipe } from '../../crypto/sodium.ts';
import type { StaffUser } from '../../shared/api.ts';
import { inTransaction } from '../../store/transaction.ts';
import { findUserByName, updatePasswordWrap, type PasswordWrapColumns } from '../../store/users.ts';
import { currentCosts, storedCosts } from './argon2-costs.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { DomainError, errors } from '../errors.ts';
import { createSession } from './sessions.ts';
import { asSignInAttempt } from '../throttle.ts';
import { acceptTotpCode, totpStateOf, withTotpSecret, type TotpState } from './totp.ts';
import { presentUser } from './users.ts';
import { isLanguage, type Language } from '../../i18n/languages.ts';

/** The stored language column as a shipped language (null when not chosen or no longer shipped). */
export function languageOf(row: { language: string | null }): Language | null {
  return isLanguage(row.language) ? row.language : null;
}

/** A new staff session: the cookie value, the user, the session id and where they stand with TOTP. */
export interface StaffSignIn {
  token: string;
  user: StaffUser;
  sessionId: string;
  totp: TotpState;
  /** The person's own language; null until chosen. */
  language: Language | null;
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
 * the lockout (`isCodeRequest`); a wrong or used code is a failure. Throttled per username (`asSignInAttempt`).
 * @param code the 6-digit TOTP code (RFC 6238), needed when the user has TOTP on; accepted once
 * @returns the cookie value, the user and where they stand with TOTP (`required` and not `enabled`: the session
 *   may only set TOTP up)
 * @throws DomainError unauthorized | password_reset | totp_required | totp_invalid (all 401) | too_many_attempts (429)
 */
export async function signIn(deps: Deps, username: string, password: string, code?: string): Promise<StaffSignIn> {
  return asSignInAttempt(deps, username, () => checkSignIn(deps, username, password, code), isCodeRequest);
}

async function checkSignIn(deps: Deps, username: string, password: string, code?: string): Promise<StaffSignIn> {
  const row = await findUserByName(deps.db, username.trim().toLowerCase());
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
    await inTransaction(deps.db, (trx) => audit(deps, trx, { actor: row?.id ?? null, action, reason }));
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
export async function passwordColumns(
  deps: Pick<Deps, 'argon2'>,
  secretKey: Buffer,
  password: string,
): Promise<PasswordWrapColumns> {
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
  await updatePasswordWrap(deps.db, row.id, await passwordColumns(deps, secretKey, password), {
    ifVerifier: row.password_verifier,
  });
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
    language: string | null;
  },
  secretKey: Buffer,
): Promise<StaffSignIn> {
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
  await inTransaction(deps.db, (trx) => audit(deps, trx, { actor: row.id, action: 'session.create' }));
  return {
    token,
    user: presentUser(row),
    sessionId: token.split('.')[0]!,
    totp: totpStateOf(deps, row),
    language: languageOf(row),
  };
}

// Same shapes as a real user, so an unknown username costs one Argon2id like a known one.
const DUMMY_USER = {
  passwordSalt: Buffer.alloc(16, 1),
  passwordVerifier: Buffer.alloc(32, 0),
  wrappedSecretKey: Buffer.alloc(72, 0),
};
