/**
 * Thin, typed wrappers over libsodium (sodium-native). Every other module in Confide goes through these
 * functions; none of them implements a primitive of its own.
 */
import sodium from 'sodium-native';
import { CryptoError } from './errors.ts';

const KEY_BYTES = 32;
const NONCE_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES; // 24
const TAG_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES; // 16
/** Records are padded to a multiple of this, so a ciphertext's length reveals only a size bucket. */
export const PAD_BLOCK = 256;

function requireLength(name: string, buf: Buffer, bytes: number): void {
  if (!Buffer.isBuffer(buf) || buf.length !== bytes) {
    throw new RangeError(`${name} must be a ${bytes}-byte Buffer`);
  }
}

/**
 * `n` bytes from the OS CSPRNG (randombytes_buf).
 * @param n bytes, a non-negative integer
 */
export function randomBytes(n: number): Buffer {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
  const out = Buffer.alloc(n);
  sodium.randombytes_buf(out);
  return out;
}

/** A fresh 32-byte symmetric key (randombytes_buf). Never derive keys from Math.random or timestamps. */
export function randomKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/**
 * Encrypts a record: XChaCha20-Poly1305-IETF with a random 24-byte nonce. The plaintext is first padded
 * (sodium_pad, ISO/IEC 7816-4) to a multiple of 256 bytes, so the output is
 * `nonce(24) ‖ ciphertext(padded + 16)` and its length reveals only the 256-byte bucket.
 * @param key 32 bytes; RangeError otherwise
 * @param ad optional associated data (authenticated, not encrypted); the same bytes must be given to `open`
 * Never reuse a key for something other than `seal`/`open`, and never pass a nonce yourself: random 24-byte
 * nonces are what make one key safe for any number of records.
 */
export function seal(key: Buffer, plaintext: Buffer, ad?: Buffer): Buffer {
  requireLength('key', key, KEY_BYTES);
  const padded = Buffer.alloc(plaintext.length + PAD_BLOCK - (plaintext.length % PAD_BLOCK));
  plaintext.copy(padded);
  const paddedLength = sodium.sodium_pad(padded, plaintext.length, PAD_BLOCK);
  const out = Buffer.alloc(NONCE_BYTES + paddedLength + TAG_BYTES);
  const nonce = out.subarray(0, NONCE_BYTES);
  sodium.randombytes_buf(nonce);
  sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(out.subarray(NONCE_BYTES), padded, ad ?? null, null, nonce, key);
  sodium.sodium_memzero(padded);
  return out;
}

/**
 * Inverse of `seal`: authenticates, decrypts and removes the padding.
 * @param key 32 bytes; RangeError otherwise
 * @param ad the associated data given to `seal`, if any
 * @throws CryptoError on a wrong key, wrong `ad`, any modified bit, or truncated input
 * Never fall back to another key or ignore the error: a CryptoError means the record is not authentic.
 */
export function open(key: Buffer, sealed: Buffer, ad?: Buffer): Buffer {
  requireLength('key', key, KEY_BYTES);
  const bodyLength = sealed.length - NONCE_BYTES - TAG_BYTES;
  if (bodyLength < PAD_BLOCK || bodyLength % PAD_BLOCK !== 0) throw new CryptoError('sealed record is malformed');
  const padded = Buffer.alloc(bodyLength);
  try {
    sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      padded,
      null,
      sealed.subarray(NONCE_BYTES),
      ad ?? null,
      sealed.subarray(0, NONCE_BYTES),
      key,
    );
  } catch (cause) {
    throw new CryptoError('decryption failed', { cause });
  }
  try {
    return padded.subarray(0, unpaddedLength(padded, PAD_BLOCK));
  } catch (error) {
    sodium.sodium_memzero(padded);
    throw error;
  }
}

/**
 * Length of the data in `padded`, a whole number of `blockSize` blocks ending in ISO/IEC 7816-4 padding
 * (`0x80` then zeros, as `sodium_pad` writes it: at least one byte).
 * @throws CryptoError when the padding is not exactly what sodium_pad would have written
 */
export function unpaddedLength(padded: Buffer, blockSize: number): number {
  if (!Number.isSafeInteger(blockSize) || blockSize < 1 || padded.length === 0 || padded.length % blockSize !== 0)
    throw new CryptoError('sealed record has invalid padding');
  const length = sodium.sodium_unpad(padded, padded.length, blockSize);
  // sodium-native drops sodium_unpad's status, so confirm the padding by re-padding a copy and comparing.
  const check = Buffer.alloc(padded.length);
  try {
    if (Number.isInteger(length) && length >= 0 && length < padded.length) {
      padded.copy(check, 0, 0, length);
      if (sodium.sodium_pad(check, length, blockSize) === padded.length && sodium.sodium_memcmp(check, padded))
        return length;
    }
    throw new CryptoError('sealed record has invalid padding');
  } finally {
    sodium.sodium_memzero(check);
  }
}

/**
 * `seal` of `JSON.stringify(value)` as UTF-8. Same primitive, sizes and rules as `seal`.
 * @throws TypeError when `value` is not JSON-serialisable (e.g. undefined)
 */
export function sealJson(key: Buffer, value: unknown, ad?: Buffer): Buffer {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('value is not JSON-serialisable');
  const plaintext = Buffer.from(json, 'utf8');
  try {
    return seal(key, plaintext, ad);
  } finally {
    sodium.sodium_memzero(plaintext);
  }
}

/**
 * `open` then `JSON.parse`. The result is cast to T, not validated: validate it (zod) before trusting its shape.
 * @throws CryptoError as `open`
 */
export function openJson<T>(key: Buffer, sealed: Buffer, ad?: Buffer): T {
  const plaintext = open(key, sealed, ad);
  try {
    return JSON.parse(plaintext.toString('utf8')) as T;
  } finally {
    sodium.sodium_memzero(plaintext);
  }
}

/**
 * A fresh X25519 key pair for crypto_box (32-byte public key, 32-byte secret key).
 * Never store the secret key unwrapped; `wipe` it when done.
 */
export function generateKeyPair(): { publicKey: Buffer; secretKey: Buffer } {
  const publicKey = Buffer.alloc(sodium.crypto_box_PUBLICKEYBYTES);
  const secretKey = Buffer.alloc(sodium.crypto_box_SECRETKEYBYTES);
  sodium.crypto_box_keypair(publicKey, secretKey);
  return { publicKey, secretKey };
}

/**
 * Anonymous public-key encryption (crypto_box_seal: ephemeral X25519 + XSalsa20-Poly1305); output is
 * plaintext + 48 bytes. Anyone can seal, so a sealed box proves nothing about its sender: never treat
 * its content as authenticated by who produced it. Not padded — use it for fixed-size keys (grants).
 * @param publicKey 32 bytes; RangeError otherwise
 */
export function sealTo(publicKey: Buffer, plaintext: Buffer): Buffer {
  requireLength('publicKey', publicKey, sodium.crypto_box_PUBLICKEYBYTES);
  const out = Buffer.alloc(plaintext.length + sodium.crypto_box_SEALBYTES);
  sodium.crypto_box_seal(out, plaintext, publicKey);
  return out;
}

/**
 * Opens a `sealTo` box (crypto_box_seal_open).
 * @param publicKey 32 bytes, secretKey 32 bytes (the recipient's pair); RangeError otherwise
 * @throws CryptoError on a wrong key pair, any modified bit, or input shorter than 48 bytes
 */
export function openSealed(publicKey: Buffer, secretKey: Buffer, sealed: Buffer): Buffer {
  requireLength('publicKey', publicKey, sodium.crypto_box_PUBLICKEYBYTES);
  requireLength('secretKey', secretKey, sodium.crypto_box_SECRETKEYBYTES);
  if (sealed.length < sodium.crypto_box_SEALBYTES) throw new CryptoError('sealed box is truncated');
  const out = Buffer.alloc(sealed.length - sodium.crypto_box_SEALBYTES);
  if (!sodium.crypto_box_seal_open(out, sealed, publicKey, secretKey))
    throw new CryptoError('sealed box does not open');
  return out;
}

/**
 * Derives independent 32-byte subkey number `id` from a 32-byte master key (crypto_kdf_derive_from_key,
 * BLAKE2b). Never use the master key itself for anything else, and never reuse an (id, context) pair for
 * two purposes.
 * @param master 32 bytes; RangeError otherwise
 * @param id non-negative safe integer
 * @param context exactly 8 ASCII characters naming the purpose; RangeError otherwise
 */
export function deriveSubkey(master: Buffer, id: number, context: string): Buffer {
  requireLength('master', master, sodium.crypto_kdf_KEYBYTES);
  if (!Number.isSafeInteger(id) || id < 0) throw new RangeError('id must be a non-negative integer');
  if (!/^[\x20-\x7e]{8}$/.test(context)) throw new RangeError('context must be exactly 8 ASCII characters');
  const out = Buffer.alloc(KEY_BYTES);
  sodium.crypto_kdf_derive_from_key(out, id, Buffer.from(context, 'ascii'), master);
  return out;
}

/**
 * 32-byte MAC (crypto_auth, HMAC-SHA-512-256).
 * @param key 32 bytes; RangeError otherwise. Never use an encryption key as a MAC key: derive a separate one.
 */
export function mac(key: Buffer, data: Buffer): Buffer {
  requireLength('key', key, sodium.crypto_auth_KEYBYTES);
  const out = Buffer.alloc(sodium.crypto_auth_BYTES);
  sodium.crypto_auth(out, data, key);
  return out;
}

/**
 * Constant-time check of a `mac` tag (crypto_auth_verify). Returns false for a tag of the wrong length.
 * Never compare tags with `===` or `Buffer.equals`.
 * @param key 32 bytes; RangeError otherwise
 */
export function verifyMac(key: Buffer, data: Buffer, tag: Buffer): boolean {
  requireLength('key', key, sodium.crypto_auth_KEYBYTES);
  if (tag.length !== sodium.crypto_auth_BYTES) return false;
  return sodium.crypto_auth_verify(tag, data, key);
}

/**
 * Unkeyed BLAKE2b (crypto_generichash). Strings are hashed as UTF-8. Fine for fingerprints and hash
 * chains; never use it to store a password or a low-entropy secret (use kdf.ts).
 * @param bytes output length, 16–64 (default 32); RangeError otherwise
 */
export function hash(data: Buffer | string, bytes = 32): Buffer {
  if (
    !Number.isInteger(bytes) ||
    bytes < sodium.crypto_generichash_BYTES_MIN ||
    bytes > sodium.crypto_generichash_BYTES_MAX
  ) {
    throw new RangeError('bytes must be between 16 and 64');
  }
  const out = Buffer.alloc(bytes);
  sodium.crypto_generichash(out, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  return out;
}

/**
 * Constant-time equality (sodium_memcmp). Buffers of different lengths are unequal (the length itself is
 * not hidden). Use it for every comparison of secrets, verifiers and tokens.
 */
export function equal(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) return false;
  return sodium.sodium_memcmp(a, b);
}

/** Overwrites `buf` with zeros (sodium_memzero) in a way the compiler cannot skip. Never use `buf` afterwards. */
export function wipe(buf: Buffer): void {
  sodium.sodium_memzero(buf);
}
