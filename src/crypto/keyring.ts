/**
 * Staff key pairs (X25519, crypto_box). The secret key is stored only wrapped (`seal`) under two
 * key-encryption keys: one from the password, one from a recovery key shown once. Each kek comes from
 * Argon2id + crypto_kdf (kdf.ts), whose verifier is checked in constant time before anything is opened.
 */
import { deriveSecretKeys, newSalt, type Argon2Params } from './kdf.ts';
import { equal, generateKeyPair, hash, open, randomBytes, seal, wipe } from './sodium.ts';

/** Associated data binding a wrapped blob to its purpose and format version. */
const WRAP_AD = Buffer.from('confide/user-secret-key/v1', 'ascii');
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_RANDOM_BYTES = 16; // 128 bits
const RECOVERY_CHECK_BYTES = 4; // 32-bit BLAKE2b check: 20 bytes = 32 characters

export interface PasswordWrap {
  passwordSalt: Buffer;
  passwordVerifier: Buffer;
  wrappedSecretKey: Buffer;
}

export interface RecoveryWrap {
  recoverySalt: Buffer;
  recoveryVerifier: Buffer;
  recoveryWrappedSecretKey: Buffer;
}

export interface UserKeys extends PasswordWrap, RecoveryWrap {
  publicKey: Buffer;
  /** The Argon2id costs both wraps were made with: store them with the wraps (`encodeArgon2Params`). */
  params: Argon2Params;
  /** printable, `XXXX XXXX … XXXX` (8 groups of 4, Crockford base32); show once, never store or log */
  recoveryKey: string;
}

/** Passwords are NFC-normalised so the same password typed on another system derives the same key. */
function normalisePassword(password: string): string {
  return password.normalize('NFC');
}

function recoveryCheck(random: Buffer): Buffer {
  return hash(random, 16).subarray(0, RECOVERY_CHECK_BYTES);
}

function toCrockford(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD[(value >>> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** Canonical 32-character form of a typed recovery key, or null when it is malformed or fails its check. */
function canonicalRecoveryKey(input: string): string | null {
  const chars = input
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (chars.length !== 32) return null;
  const bytes = Buffer.alloc(RECOVERY_RANDOM_BYTES + RECOVERY_CHECK_BYTES);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const ch of chars) {
    const digit = CROCKFORD.indexOf(ch);
    if (digit < 0) return null;
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (value >>> bits) & 0xff;
      value &= (1 << bits) - 1;
    }
  }
  const random = bytes.subarray(0, RECOVERY_RANDOM_BYTES);
  const ok = equal(recoveryCheck(random), bytes.subarray(RECOVERY_RANDOM_BYTES));
  wipe(bytes);
  return ok ? chars : null;
}

async function wrap(secret: string, secretKey: Buffer, params: Argon2Params) {
  const salt = newSalt();
  const { verifier, kek } = await deriveSecretKeys(secret, salt, params);
  const wrapped = seal(kek, secretKey, WRAP_AD);
  wipe(kek);
  return { salt, verifier, wrapped };
}

async function unwrap(
  secret: string,
  salt: Buffer,
  storedVerifier: Buffer,
  wrapped: Buffer,
  params: Argon2Params,
): Promise<Buffer | null> {
  const { verifier, kek } = await deriveSecretKeys(secret, salt, params);
  try {
    if (!equal(verifier, storedVerifier)) return null;
    return open(kek, wrapped, WRAP_AD); // a CryptoError here means the stored row is corrupt, not a bad secret
  } finally {
    wipe(kek);
  }
}

/**
 * Creates a user's X25519 key pair and wraps the secret key (XChaCha20-Poly1305 `seal`) under a
 * password-derived kek and under a recovery-key-derived kek (Argon2id, fresh 16-byte salts).
 * The recovery key is 128 random bits plus a 32-bit BLAKE2b check, printed as 8 groups of 4 Crockford
 * base32 characters. The secret key is wiped and not returned: unlock it to use it.
 * Never store `recoveryKey` or the password; store everything else.
 */
export async function createUserKeys(password: string, params: Argon2Params): Promise<UserKeys> {
  const { publicKey, secretKey } = generateKeyPair();
  const random = randomBytes(RECOVERY_RANDOM_BYTES);
  const encoded = toCrockford(Buffer.concat([random, recoveryCheck(random)]));
  wipe(random);
  try {
    const byPassword = await wrap(normalisePassword(password), secretKey, params);
    const byRecovery = await wrap(encoded, secretKey, params);
    return {
      publicKey,
      params,
      passwordSalt: byPassword.salt,
      passwordVerifier: byPassword.verifier,
      wrappedSecretKey: byPassword.wrapped,
      recoveryKey: encoded.match(/.{4}/g)!.join(' '),
      recoverySalt: byRecovery.salt,
      recoveryVerifier: byRecovery.verifier,
      recoveryWrappedSecretKey: byRecovery.wrapped,
    };
  } finally {
    wipe(secretKey);
  }
}

/**
 * The user's 32-byte X25519 secret key, or null when the password is wrong. Always runs Argon2id, then
 * compares the verifier in constant time before opening anything.
 * @param params the costs the wrap was made with (stored beside it), not necessarily today's
 * @throws CryptoError when the verifier matches but the wrapped key does not open (corrupt row)
 * `wipe` the returned key when done; never persist it unwrapped.
 */
export async function unlockWithPassword(
  password: string,
  stored: PasswordWrap,
  params: Argon2Params,
): Promise<Buffer | null> {
  return unwrap(
    normalisePassword(password),
    stored.passwordSalt,
    stored.passwordVerifier,
    stored.wrappedSecretKey,
    params,
  );
}

/**
 * As `unlockWithPassword`, with the recovery key. Case, spaces and dashes are ignored; I and L read as 1,
 * O as 0. A malformed key or one failing its 32-bit check returns null without running Argon2id (the check
 * is not secret). After a recovery, `rewrapWithPassword` with a new password.
 */
export async function unlockWithRecoveryKey(
  recoveryKey: string,
  stored: RecoveryWrap,
  params: Argon2Params,
): Promise<Buffer | null> {
  const canonical = canonicalRecoveryKey(recoveryKey);
  if (canonical === null) return null;
  return unwrap(canonical, stored.recoverySalt, stored.recoveryVerifier, stored.recoveryWrappedSecretKey, params);
}

/**
 * Wraps an unlocked 32-byte secret key under a new password (fresh salt, Argon2id, `seal`). Store all three
 * fields together, replacing the old ones; the recovery wrap is unchanged. The caller still owns and wipes
 * `secretKey`.
 */
export async function rewrapWithPassword(
  secretKey: Buffer,
  newPassword: string,
  params: Argon2Params,
): Promise<PasswordWrap> {
  if (!Buffer.isBuffer(secretKey) || secretKey.length !== 32)
    throw new RangeError('secretKey must be a 32-byte Buffer');
  const { salt, verifier, wrapped } = await wrap(normalisePassword(newPassword), secretKey, params);
  return { passwordSalt: salt, passwordVerifier: verifier, wrappedSecretKey: wrapped };
}
