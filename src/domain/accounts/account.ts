/**
 * What staff do to their own account: set up and turn off two-factor sign-in (TOTP, RFC 6238), change their
 * password, and — signed out, having lost the password — choose a new one with the recovery key, which unwraps the
 * same private key, so every case granted to them still opens. Everything is audited, never with a secret.
 */
import { unlockWithPassword, unlockWithRecoveryKey } from '../../crypto/keyring.ts';
import { storedCosts } from './argon2-costs.ts';
import { checkNewPassword, checkPasswordLength, checkPasswordStrength, isPasswordRefusal } from './passwords.ts';
import { wipe } from '../../crypto/sodium.ts';
import type { AccountView, TotpEnrolment } from '../../shared/accounts.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { DomainError, errors } from '../errors.ts';
import { asRecoveryAttempt, asSignInAttempt, asTotpOffAttempt } from '../throttle.ts';
import {
  acceptTotpCode,
  newTotpSecret,
  sealTotpSecret,
  totpEnrolment,
  totpStateOf,
  withTotpSecret,
  type TotpState,
} from './totp.ts';
import { languageOf, passwordColumns, startStaffSession, type StaffSignIn } from './sign-in.ts';
import type { Language } from '../../i18n/languages.ts';
import { deleteSessionsOfUser } from '../../store/sessions.ts';
import { inTransaction } from '../../store/transaction.ts';
import {
  clearTotp,
  findUserById,
  findUserByName,
  markTotpEnabled,
  setPendingTotp,
  updatePasswordWrap,
  updateUserLanguage,
} from '../../store/users.ts';

/** The signed-in user acting on their own account (from their session). */
export interface AccountViewer {
  userId: string;
  username: string;
  publicKey: Buffer;
  /** The private key the session unlocked. */
  secretKey: Buffer;
  sessionId: string;
}

/** Where the QR code of a pending set-up is served (same origin; CSP img-src 'self'). */
export const TOTP_QR_PATH = '/api/v1/account/totp/qr.svg';

async function userRow(deps: Pick<Deps, 'db'>, userId: string) {
  const row = await findUserById(deps.db, userId);
  if (!row) throw errors.unauthorized('Please sign in.');
  return row;
}

/** The account as its owner sees it. */
export async function accountView(deps: Deps, viewer: AccountViewer): Promise<AccountView> {
  const row = await userRow(deps, viewer.userId);
  return { totp: totpStateOf(deps, row), language: languageOf(row) };
}

/**
 * Sets the signed-in user's own language: the workspace's and that of the notice mails sent to them. Audited as
 * `account.language.change` (the tag is no secret, but the audit keeps no detail of account changes).
 * @returns the language now stored
 */
export async function changeLanguage(deps: Deps, viewer: AccountViewer, language: Language): Promise<Language> {
  await inTransaction(deps.db, async (trx) => {
    if (!(await updateUserLanguage(trx, viewer.userId, language))) throw errors.unauthorized('Please sign in.');
    await audit(deps, trx, {
      actor: viewer.userId,
      action: 'account.language.change',
      subject: `user:${viewer.userId}`,
    });
  });
  return language;
}

/**
 * Starts (or restarts) setting up two-factor sign-in: a fresh 160-bit secret, sealed to the user's public key, waits
 * for its first code (`confirmTotp`). A restart replaces a pending secret that was never confirmed.
 * @returns the otpauth URI, the secret in base32 and where the QR code is
 * @throws DomainError totp_already_enabled (409): turn it off first
 */
export async function startTotpEnrolment(deps: Deps, viewer: AccountViewer): Promise<TotpEnrolment> {
  const secret = newTotpSecret();
  try {
    await inTransaction(deps.db, async (trx) => {
      if (!(await setPendingTotp(trx, viewer.userId, sealTotpSecret(viewer.publicKey, secret))))
        throw errors.conflict(
          'totp_already_enabled',
          'Two-factor sign-in is already on. To move it to another phone, turn it off first (with a current code), then set it up again.',
        );
      await audit(deps, trx, { actor: viewer.userId, action: 'account.totp.start', subject: `user:${viewer.userId}` });
    });
    return { ...totpEnrolment(secret, viewer.username), qrUrl: TOTP_QR_PATH };
  } finally {
    wipe(secret);
  }
}

/** @throws DomainError not_found when no set-up is pending */
async function pendingSecret(deps: Deps, viewer: AccountViewer) {
  const row = await userRow(deps, viewer.userId);
  if (row.totp_enabled_at !== null || row.totp_sealed_secret === null)
    throw errors.notFound('No two-factor set-up is in progress. Start it again on your Account page.');
  return { row, sealed: row.totp_sealed_secret };
}

/**
 * The otpauth URI of the pending set-up (for its QR code).
 * @throws DomainError not_found when no set-up is pending
 */
export async function pendingTotpUri(deps: Deps, viewer: AccountViewer): Promise<string> {
  const { sealed } = await pendingSecret(deps, viewer);
  return withTotpSecret(viewer, sealed, (secret) => totpEnrolment(secret, viewer.username).uri);
}

/**
 * Turns two-factor sign-in on with the first code from the app (±1 step of clock drift); that code is then used.
 * @returns the new TOTP state
 * @throws DomainError not_found (nothing pending) | totp_required | totp_invalid (400)
 */
export async function confirmTotp(deps: Deps, viewer: AccountViewer, code: string): Promise<TotpState> {
  const { row, sealed } = await pendingSecret(deps, viewer);
  await inTransaction(deps.db, async (trx) => {
    await withTotpSecret(viewer, sealed, (secret) =>
      acceptTotpCode({ db: trx, now: deps.now }, row, secret, code, 'invalid'),
    );
    await markTotpEnabled(trx, viewer.userId, deps.now().toISOString());
    await audit(deps, trx, { actor: viewer.userId, action: 'account.totp.enable', subject: `user:${viewer.userId}` });
  });
  return totpStateOf(deps, { ...row, totp_enabled_at: deps.now().toISOString() });
}

/**
 * Turns two-factor sign-in off; needs a current code (so a session left open cannot do it), throttled like
 * sign-in. When the role requires TOTP the user must set it up again before anything else.
 * @returns the new TOTP state
 * @throws DomainError totp_not_enabled (409) | totp_required | totp_invalid (400) | too_many_attempts
 */
export async function turnOffTotp(deps: Deps, viewer: AccountViewer, code: string): Promise<TotpState> {
  const row = await userRow(deps, viewer.userId);
  if (row.totp_enabled_at === null || row.totp_sealed_secret === null)
    throw errors.conflict('totp_not_enabled', 'Two-factor sign-in is not on.');
  const sealed = row.totp_sealed_secret;
  await asTotpOffAttempt(deps, viewer.userId, () =>
    withTotpSecret(viewer, sealed, (secret) => acceptTotpCode(deps, row, secret, code, 'invalid')),
  );
  await inTransaction(deps.db, async (trx) => {
    await clearTotp(trx, viewer.userId);
    await audit(deps, trx, { actor: viewer.userId, action: 'account.totp.disable', subject: `user:${viewer.userId}` });
  });
  return totpStateOf(deps, { ...row, totp_enabled_at: null, totp_sealed_secret: null });
}

/**
 * Changes the signed-in user's password: the current one must be right (Argon2id; throttled with sign-in), the
 * private key is re-wrapped under the new one (the recovery key is unchanged) and every other session of the user
 * ends; this one stays.
 * @throws DomainError wrong_password (400) | weak_password | long_password | too_many_attempts
 */
export async function changePassword(
  deps: Deps,
  viewer: AccountViewer,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await userRow(deps, viewer.userId);
  checkNewPassword(input.newPassword, [row.username, row.display_name]);
  const secretKey = await asSignInAttempt(deps, viewer.username, async () => {
    const key = await unlockWithPassword(
      input.currentPassword,
      {
        passwordSalt: row.password_salt,
        passwordVerifier: row.password_verifier,
        wrappedSecretKey: row.wrapped_secret_key,
      },
      storedCosts(deps, row.password_kdf),
    );
    if (!key) throw errors.invalid('wrong_password', 'Your current password is not right. Type it again.');
    return key;
  });
  try {
    const columns = await passwordColumns(deps, secretKey, input.newPassword);
    await inTransaction(deps.db, async (trx) => {
      await updatePasswordWrap(trx, viewer.userId, columns);
      await deleteSessionsOfUser(trx, viewer.userId, viewer.sessionId);
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'account.password.change',
        subject: `user:${viewer.userId}`,
      });
    });
  } finally {
    wipe(secretKey);
  }
}

export const WRONG_RECOVERY = 'Wrong username or recovery key.';

// Same shapes as a real user's recovery wrap, so an unknown username costs one Argon2id like a known one.
const DUMMY_RECOVERY = {
  recoverySalt: Buffer.alloc(16, 2),
  recoveryVerifier: Buffer.alloc(32, 0),
  recoveryWrappedSecretKey: Buffer.alloc(72, 0),
};

/**
 * Lost password: the recovery key unwraps the user's private key (Argon2id), which is re-wrapped under the new
 * password; an administrator's pending reset is cleared, every other session ends, and the user is signed in.
 * Two-factor sign-in still applies: with TOTP on, a code is needed (asked for once the recovery key is right).
 * Unknown user, wrong key, disabled account and an account not yet activated (it has no recovery key) give the same
 * answer. Throttled per username (`asRecoveryAttempt`, apart from sign-in); a refused new password is no failed guess.
 * @returns a new session, as `signIn` does
 * @throws DomainError weak_password | long_password (400; a weak one only once the recovery key is right) |
 *   unauthorized | totp_required | totp_invalid (401) | too_many_attempts (429)
 */
export async function recoverAccount(deps: Deps, input: RecoverInput): Promise<StaffSignIn> {
  return asRecoveryAttempt(deps, input.username, () => recoverWithKey(deps, input), isPasswordRefusal);
}

type RecoverInput = { username: string; recoveryKey: string; newPassword: string; code?: string };

async function recoverWithKey(deps: Deps, input: RecoverInput): Promise<StaffSignIn> {
  checkPasswordLength(input.newPassword);
  const row = await findUserByName(deps.db, input.username.trim().toLowerCase());
  const secretKey = await unlockWithRecoveryKey(
    input.recoveryKey,
    row?.activated_at
      ? {
          recoverySalt: row.recovery_salt,
          recoveryVerifier: row.recovery_verifier,
          recoveryWrappedSecretKey: row.recovery_wrapped_secret_key,
        }
      : DUMMY_RECOVERY,
    row?.activated_at ? storedCosts(deps, row.recovery_kdf) : deps.argon2,
  );
  const fail = async (error: DomainError, reason: string | null = null): Promise<never> => {
    if (secretKey) wipe(secretKey);
    await inTransaction(deps.db, (trx) =>
      audit(deps, trx, { actor: row?.id ?? null, action: 'account.recover.failed', reason }),
    );
    throw error;
  };
  if (!row?.activated_at || !secretKey || row.disabled_at) return fail(errors.unauthorized(WRONG_RECOVERY));
  // Estimated only now that the recovery key is right (it runs on the event loop), before a TOTP code is used up.
  try {
    checkPasswordStrength(input.newPassword, [row.username, row.display_name]);
  } catch (error) {
    wipe(secretKey);
    throw error;
  }
  if (row.totp_enabled_at && row.totp_sealed_secret) {
    try {
      await withTotpSecret({ publicKey: row.public_key, secretKey }, row.totp_sealed_secret, (secret) =>
        acceptTotpCode(deps, row, secret, input.code),
      );
    } catch (error) {
      if (error instanceof DomainError) return fail(error, 'totp');
      throw error;
    }
  }
  try {
    const columns = await passwordColumns(deps, secretKey, input.newPassword);
    await inTransaction(deps.db, async (trx) => {
      await updatePasswordWrap(trx, row.id, columns, { clearReset: true });
      await deleteSessionsOfUser(trx, row.id);
      await audit(deps, trx, { actor: row.id, action: 'account.recover', subject: `user:${row.id}` });
    });
  } catch (error) {
    wipe(secretKey);
    throw error;
  }
  return startStaffSession(deps, row, secretKey);
}
