/**
 * Password and receipt stretching: one Argon2id output split by crypto_kdf into a verifier (stored) and a
 * key-encryption key (never stored). See docs/ARCHITECTURE.md, "Keys".
 */
import { hashRaw, type Algorithm, type Version } from '@node-rs/argon2';
import { deriveSubkey, randomBytes, wipe } from './sodium.ts';

/** Argon2id costs; they come from configuration so tests can lower them in one place. */
export interface Argon2Params {
  /** KiB of memory per lane */
  memoryCost: number;
  /** passes over memory */
  timeCost: number;
  /** lanes */
  parallelism: number;
}

export const SALT_BYTES = 16;
// @node-rs/argon2 declares these as ambient const enums, which isolatedModules cannot read: 2 = Argon2id,
// 1 = version 0x13.
const ARGON2ID = 2 as Algorithm;
const VERSION_13 = 1 as Version;

/** A fresh 16-byte Argon2 salt (randombytes_buf). Never reuse a salt for a new secret. */
export function newSalt(): Buffer {
  return randomBytes(SALT_BYTES);
}

/**
 * Argon2id(secret, salt, params) → 32-byte master, then crypto_kdf_derive_from_key:
 * verifier = subkey 1 'confverf', kek = subkey 2 'confkek_'. The master is wiped.
 * @param secret the password or receipt secret, hashed as given (UTF-8); normalise it before calling
 * @param salt 16 bytes; RangeError otherwise
 * @param params Argon2id costs from configuration; the same params must be used to derive and to check
 * @returns verifier (32 B) — the only part ever stored; compare it with `equal`, never with `===`.
 *   kek (32 B) — wraps a key with `seal`; never store or log it, and `wipe` it when done.
 */
export async function deriveSecretKeys(
  secret: string,
  salt: Buffer,
  params: Argon2Params,
): Promise<{ verifier: Buffer; kek: Buffer }> {
  if (!Buffer.isBuffer(salt) || salt.length !== SALT_BYTES) throw new RangeError('salt must be a 16-byte Buffer');
  const master = await hashRaw(secret, {
    algorithm: ARGON2ID,
    version: VERSION_13,
    memoryCost: params.memoryCost,
    timeCost: params.timeCost,
    parallelism: params.parallelism,
    outputLen: 32,
    salt,
  });
  try {
    return { verifier: deriveSubkey(master, 1, 'confverf'), kek: deriveSubkey(master, 2, 'confkek_') };
  } finally {
    wipe(master);
  }
}

/**
 * The stored form of Argon2id costs, kept beside each verifier so that it is checked with the costs it was made
 * with after the configured costs change: JSON `{"m": KiB, "t": passes, "p": lanes}`.
 */
export function encodeArgon2Params(params: Argon2Params): string {
  return JSON.stringify({ m: params.memoryCost, t: params.timeCost, p: params.parallelism });
}

/**
 * Reads `encodeArgon2Params`' form back.
 * @throws RangeError when it is not that form (a corrupt row): never guess costs, the check would fail anyway
 */
export function decodeArgon2Params(text: string): Argon2Params {
  const value: unknown = JSON.parse(text);
  const { m, t, p } = (value ?? {}) as Record<string, unknown>;
  const ok = (n: unknown, min: number, max: number): n is number =>
    Number.isInteger(n) && (n as number) >= min && (n as number) <= max;
  if (!ok(m, 8, 4_194_304) || !ok(t, 1, 100) || !ok(p, 1, 16))
    throw new RangeError(`stored Argon2id costs are malformed: ${text.slice(0, 80)}`);
  return { memoryCost: m, timeCost: t, parallelism: p };
}

/** Whether `stored` costs are below `current` in memory or passes, so the verifier should be made again. */
export function weakerThan(stored: Argon2Params, current: Argon2Params): boolean {
  return stored.memoryCost < current.memoryCost || stored.timeCost < current.timeCost;
}
