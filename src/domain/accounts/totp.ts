/**
 * Staff two-factor sign-in with time-based one-time codes (TOTP, RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps),
 * computed by the otpauth library. The 160-bit secret is stored only sealed to the user's X25519 public key
 * (crypto_box_seal), so only a session that has passed the password (or the recovery key) can open it; the application
 * cannot produce a code on its own (root on the running server, who sees the password, can). A code is accepted once:
 * the step it belongs to is kept in users.totp_last_step and later codes must belong to a later step.
 */
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { openSealed, randomBytes, sealTo, wipe } from '../../crypto/sodium.ts';
import type { Deps } from '../deps.ts';
import { DomainError } from '../errors.ts';
import { advanceTotpStep } from '../../store/users.ts';

/** Seconds per step (RFC 6238 default; what every authenticator app assumes). */
export const TOTP_PERIOD = 30;
/** Steps of clock drift allowed either side of the server's current step. */
export const TOTP_WINDOW = 1;
/** 20 bytes = 160 bits, the HMAC-SHA-1 block the RFC recommends. */
const SECRET_BYTES = 20;
const ISSUER = 'Confide';

/** A fresh TOTP secret (20 random bytes from libsodium). `wipe` it when done. */
export function newTotpSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

function totpOf(secret: Buffer, username = ''): TOTP {
  // otpauth copies nothing: hand it its own copy so the caller can wipe `secret`.
  const bytes = Uint8Array.from(secret);
  return new TOTP({
    issuer: ISSUER,
    label: username,
    secret: new Secret({ buffer: bytes.buffer }),
    period: TOTP_PERIOD,
  });
}

/**
 * What an authenticator app needs: the `otpauth://totp/Confide:<username>?…` URI (for the QR code) and the
 * secret in base32 (RFC 4648, no padding) for typing in by hand.
 */
export function totpEnrolment(secret: Buffer, username: string): { uri: string; secret: string } {
  const totp = totpOf(secret, username);
  return { uri: totp.toString(), secret: totp.secret.base32 };
}

/** The otpauth URI as a QR code in SVG (no script, no external reference): served from the app's own origin. */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The 6-digit code for the step holding `at` (tests and the CLI compute codes with this). */
export function totpCode(secret: Buffer, at: Date): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}

/** The step number (RFC 6238 "T") holding `at`. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD);
}

/**
 * Checks a typed code against the secret at `at`, allowing ±TOTP_WINDOW steps of clock drift.
 * Spaces and dashes are ignored ("123 456").
 * @returns the step the code belongs to, or null when it matches none
 */
export function matchTotpCode(secret: Buffer, code: string, at: Date): number | null {
  const token = code.replace(/[\s-]/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret).validate({ token, timestamp: at.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : totpStep(at) + delta;
}

/** Seals a TOTP secret to the user's public key (crypto_box_seal; 20 + 48 bytes). */
export function sealTotpSecret(publicKey: Buffer, secret: Buffer): Buffer {
  return sealTo(publicKey, secret);
}

/**
 * Opens a sealed TOTP secret with the user's key pair.
 * @throws CryptoError when the key pair does not open it
 */
export function openTotpSecret(publicKey: Buffer, secretKey: Buffer, sealed: Buffer): Buffer {
  return openSealed(publicKey, secretKey, sealed);
}

/** Where a user stands with two-factor sign-in; `required` comes from CONFIDE_TOTP_REQUIRED_ROLES. */
export interface TotpState {
  enabled: boolean;
  /** An enrolment was started and awaits its first code. */
  pending: boolean;
  required: boolean;
}

export function totpStateOf(
  deps: Pick<Deps, 'accounts'>,
  user: { role: string; totp_enabled_at: string | null; totp_sealed_secret: Buffer | null },
): TotpState {
  const enabled = user.totp_enabled_at !== null;
  return {
    enabled,
    pending: !enabled && user.totp_sealed_secret !== null,
    required: (deps.accounts.totpRequiredRoles as readonly string[]).includes(user.role),
  };
}

/** A user who must use TOTP and has not set it up may only set it up (and sign out). */
export const mustEnrol = (state: TotpState): boolean => state.required && !state.enabled;

export const CODE_NEEDED = 'Enter the 6-digit code from your authenticator app.';
const WRONG_CODE = 'That code is not right. Enter the 6-digit code your authenticator app shows now.';
const USED_CODE = 'That code has been used already. Wait for the next code in your authenticator app and enter it.';

/**
 * Accepts a code for a user whose TOTP secret the caller has opened: it must match (±1 step) and belong to a
 * later step than the last one accepted, which it then becomes. The write is conditional, so of two requests with
 * the same code only one succeeds.
 * @param kind 'unauthorized' while signing in (401), 'invalid' for a signed-in user's request (400)
 * @throws DomainError totp_required (no code) | totp_invalid (wrong, or already used)
 */
export async function acceptTotpCode(
  deps: Pick<Deps, 'db' | 'now'>,
  user: { id: string; totp_last_step: number | null },
  secret: Buffer,
  code: string | undefined,
  kind: 'unauthorized' | 'invalid' = 'unauthorized',
): Promise<void> {
  if (!code?.trim()) throw new DomainError(kind, 'totp_required', CODE_NEEDED);
  const step = matchTotpCode(secret, code, deps.now());
  if (step === null) throw new DomainError(kind, 'totp_invalid', WRONG_CODE);
  const last = user.totp_last_step;
  if (last !== null && step <= last) throw new DomainError(kind, 'totp_invalid', USED_CODE);
  if (!(await advanceTotpStep(deps.db, user.id, last, step))) throw new DomainError(kind, 'totp_invalid', USED_CODE);
}

/**
 * Opens the user's sealed TOTP secret, runs `fn` with it and wipes it afterwards.
 * @throws CryptoError when the session's key does not open it (corrupt row)
 */
export async function withTotpSecret<T>(
  keys: { publicKey: Buffer; secretKey: Buffer },
  sealed: Buffer,
  fn: (secret: Buffer) => Promise<T> | T,
): Promise<T> {
  const secret = openTotpSecret(keys.publicKey, keys.secretKey, sealed);
  try {
    return await fn(secret);
  } finally {
    wipe(secret);
  }
}
