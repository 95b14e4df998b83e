import { describe, it, expect } from 'vitest';
import { hashRaw } from '@node-rs/argon2';
import { deriveSecretKeys, newSalt, type Argon2Params } from './kdf.ts';
import { deriveSubkey } from './sodium.ts';

const params: Argon2Params = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

describe('newSalt', () => {
  it('is 16 fresh random bytes', () => {
    expect(newSalt()).toHaveLength(16);
    expect(newSalt().equals(newSalt())).toBe(false);
  });
});

describe('deriveSecretKeys', () => {
  it('splits one Argon2id output into verifier (1, confverf) and kek (2, confkek_)', async () => {
    const salt = Buffer.alloc(16, 7);
    const { verifier, kek } = await deriveSecretKeys('correct horse', salt, params);
    // Independent reference: @node-rs/argon2's default algorithm is Argon2id v0x13.
    const master = await hashRaw('correct horse', { ...params, salt, outputLen: 32 });
    expect(verifier).toEqual(deriveSubkey(master, 1, 'confverf'));
    expect(kek).toEqual(deriveSubkey(master, 2, 'confkek_'));
    expect(verifier.equals(kek)).toBe(false);
  });

  it('is deterministic for the same input and changes with secret, salt and params', async () => {
    const salt = newSalt();
    const a = await deriveSecretKeys('pw', salt, params);
    expect(await deriveSecretKeys('pw', salt, params)).toEqual(a);
    expect((await deriveSecretKeys('pW', salt, params)).verifier.equals(a.verifier)).toBe(false);
    expect((await deriveSecretKeys('pw', newSalt(), params)).verifier.equals(a.verifier)).toBe(false);
    expect((await deriveSecretKeys('pw', salt, { ...params, timeCost: 2 })).verifier.equals(a.verifier)).toBe(false);
  });

  it('requires a 16-byte salt', async () => {
    await expect(deriveSecretKeys('pw', Buffer.alloc(8), params)).rejects.toThrow(RangeError);
  });
});
