import { beforeAll, describe, it, expect } from 'vitest';
import { CryptoError } from './errors.ts';
import type { Argon2Params } from './kdf.ts';
import {
  createUserKeys,
  type PasswordWrap,
  type RecoveryWrap,
  type UserKeys,
  rewrapWithPassword,
  unlockWithPassword,
  unlockWithRecoveryKey,
} from './keyring.ts';
import { openSealed, randomKey, sealTo } from './sodium.ts';

const params: Argon2Params = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

describe('keyring', () => {
  let keys: UserKeys;
  let passwordWrap: PasswordWrap;
  let recoveryWrap: RecoveryWrap;
  beforeAll(async () => {
    keys = await createUserKeys('s3cret pässword', params);
    passwordWrap = {
      passwordSalt: keys.passwordSalt,
      passwordVerifier: keys.passwordVerifier,
      wrappedSecretKey: keys.wrappedSecretKey,
    };
    recoveryWrap = {
      recoverySalt: keys.recoverySalt,
      recoveryVerifier: keys.recoveryVerifier,
      recoveryWrappedSecretKey: keys.recoveryWrappedSecretKey,
    };
  });
  /** The unlocked key must be the exact secret key of `keys.publicKey`: it opens a grant sealed to it. */
  const opensGrants = (secretKey: Buffer | null) => {
    expect(secretKey).toHaveLength(32);
    const reportKey = randomKey();
    expect(openSealed(keys.publicKey, secretKey!, sealTo(keys.publicKey, reportKey))).toEqual(reportKey);
  };

  it('creates a key pair, fresh salts and a printable recovery key', () => {
    expect(keys.publicKey).toHaveLength(32);
    expect(keys.passwordSalt).toHaveLength(16);
    expect(keys.recoverySalt).toHaveLength(16);
    expect(keys.passwordSalt.equals(keys.recoverySalt)).toBe(false);
    expect(keys.passwordVerifier).toHaveLength(32);
    expect(keys.recoveryKey).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}( [0-9A-HJKMNP-TV-Z]{4}){7}$/);
  });

  it('unlocks with the right password the same secret key as the recovery key', async () => {
    const byPassword = await unlockWithPassword('s3cret pässword', passwordWrap, params);
    opensGrants(byPassword);
    const byRecovery = await unlockWithRecoveryKey(keys.recoveryKey, recoveryWrap, params);
    expect(byRecovery).toEqual(byPassword);
  });

  it('normalises the password to NFC', async () => {
    const decomposed = 's3cret pässword'.normalize('NFD');
    opensGrants(await unlockWithPassword(decomposed, passwordWrap, params));
  });

  it('returns null for a wrong password', async () => {
    expect(await unlockWithPassword('s3cret password', passwordWrap, params)).toBeNull();
    expect(await unlockWithPassword('', passwordWrap, params)).toBeNull();
  });

  it('throws CryptoError when the verifier matches but the wrapped key was tampered with', async () => {
    const tampered = Buffer.from(keys.wrappedSecretKey);
    tampered[30]! ^= 1;
    await expect(
      unlockWithPassword('s3cret pässword', { ...passwordWrap, wrappedSecretKey: tampered }, params),
    ).rejects.toThrow(CryptoError);
  });

  it('accepts the recovery key typed lower-case, with dashes, and with I/L/O confusions', async () => {
    const typed = keys.recoveryKey.toLowerCase().replace(/ /g, '-');
    opensGrants(await unlockWithRecoveryKey(typed, recoveryWrap, params));
    const confusable = keys.recoveryKey.replace(/ /g, '').replace(/1/g, 'l').replace(/0/g, 'O');
    opensGrants(await unlockWithRecoveryKey(` ${confusable} `, recoveryWrap, params));
  });

  it('returns null for a wrong or mistyped recovery key', async () => {
    const compact = keys.recoveryKey.replace(/ /g, '');
    const other = compact[0] === 'A' ? 'B' : 'A';
    expect(await unlockWithRecoveryKey(other + compact.slice(1), recoveryWrap, params)).toBeNull();
    expect(await unlockWithRecoveryKey(compact.slice(1), recoveryWrap, params)).toBeNull();
    expect(await unlockWithRecoveryKey(compact.slice(1) + 'U', recoveryWrap, params)).toBeNull();
    const stranger = await createUserKeys('x', params);
    expect(await unlockWithRecoveryKey(stranger.recoveryKey, recoveryWrap, params)).toBeNull();
  });

  it('rewraps under a new password; the old one no longer unlocks the new wrap', async () => {
    const secretKey = (await unlockWithRecoveryKey(keys.recoveryKey, recoveryWrap, params))!;
    const rewrapped = await rewrapWithPassword(secretKey, 'new password', params);
    expect(rewrapped.passwordSalt.equals(keys.passwordSalt)).toBe(false);
    opensGrants(await unlockWithPassword('new password', rewrapped, params));
    expect(await unlockWithPassword('s3cret pässword', rewrapped, params)).toBeNull();
    await expect(rewrapWithPassword(Buffer.alloc(16), 'x', params)).rejects.toThrow(RangeError);
  });
});
