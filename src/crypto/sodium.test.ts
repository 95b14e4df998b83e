import { describe, it, expect } from 'vitest';
import sodium from 'sodium-native';
import { CryptoError } from './errors.ts';
import {
  deriveSubkey,
  equal,
  generateKeyPair,
  hash,
  mac,
  open,
  openJson,
  openSealed,
  randomBytes,
  randomKey,
  seal,
  sealJson,
  sealTo,
  verifyMac,
  wipe,
} from './sodium.ts';

/** Every single-bit flip of `sealed` must make `openIt` throw CryptoError. */
function expectEveryBitFlipRejected(sealed: Buffer, openIt: (tampered: Buffer) => unknown): void {
  for (let i = 0; i < sealed.length; i++) {
    for (let bit = 0; bit < 8; bit++) {
      const tampered = Buffer.from(sealed);
      tampered[i]! ^= 1 << bit;
      expect(() => openIt(tampered), `byte ${i} bit ${bit}`).toThrow(CryptoError);
    }
  }
}

describe('randomBytes / randomKey', () => {
  it('returns the requested length and differs between calls', () => {
    expect(randomBytes(0)).toHaveLength(0);
    expect(randomBytes(7)).toHaveLength(7);
    expect(randomKey()).toHaveLength(32);
    expect(randomKey().equals(randomKey())).toBe(false);
  });
  it('refuses a negative length', () => {
    expect(() => randomBytes(-1)).toThrow(RangeError);
  });
});

describe('seal / open', () => {
  const key = randomKey();

  it('round-trips with and without associated data, including empty plaintext', () => {
    for (const size of [0, 1, 255, 256, 1000]) {
      const plaintext = randomBytes(size);
      expect(open(key, seal(key, plaintext))).toEqual(plaintext);
      const ad = Buffer.from('report:42');
      expect(open(key, seal(key, plaintext, ad), ad)).toEqual(plaintext);
    }
  });

  it('pads to 256-byte buckets: nonce(24) + padded + tag(16)', () => {
    const one = seal(key, randomBytes(1));
    expect(one).toHaveLength(24 + 256 + 16);
    expect(seal(key, randomBytes(200))).toHaveLength(one.length);
    expect(seal(key, randomBytes(255))).toHaveLength(one.length);
    expect(seal(key, randomBytes(300))).toHaveLength(24 + 512 + 16);
    expect(seal(key, randomBytes(256))).toHaveLength(24 + 512 + 16);
  });

  it('uses a fresh nonce each time', () => {
    const plaintext = Buffer.from('same');
    expect(seal(key, plaintext).equals(seal(key, plaintext))).toBe(false);
  });

  it('rejects every flipped bit', () => {
    const sealed = seal(key, Buffer.from('hello'));
    expectEveryBitFlipRejected(sealed, (t) => open(key, t));
  });

  it('rejects a wrong key, wrong or missing associated data, and truncation', () => {
    const sealed = seal(key, Buffer.from('hello'), Buffer.from('a'));
    expect(() => open(randomKey(), sealed, Buffer.from('a'))).toThrow(CryptoError);
    expect(() => open(key, sealed, Buffer.from('b'))).toThrow(CryptoError);
    expect(() => open(key, sealed)).toThrow(CryptoError);
    expect(() => open(key, sealed.subarray(0, sealed.length - 1), Buffer.from('a'))).toThrow(CryptoError);
    expect(() => open(key, sealed.subarray(0, 20))).toThrow(CryptoError);
    expect(() => open(key, Buffer.alloc(0))).toThrow(CryptoError);
  });

  it('rejects an authentic record whose padding is malformed', () => {
    const nonce = randomBytes(24);
    const body = Buffer.alloc(256); // no 0x80 marker
    const c = Buffer.alloc(256 + 16);
    sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(c, body, null, null, nonce, key);
    expect(() => open(key, Buffer.concat([nonce, c]))).toThrow(CryptoError);
  });

  it('refuses keys of the wrong size as misuse (RangeError)', () => {
    expect(() => seal(randomBytes(16), Buffer.from('x'))).toThrow(RangeError);
    expect(() => open(randomBytes(31), seal(key, Buffer.from('x')))).toThrow(RangeError);
  });
});

describe('sealJson / openJson', () => {
  it('round-trips JSON values', () => {
    const key = randomKey();
    const value = { answer: 'Grüße', n: 3, list: [true, null] };
    expect(openJson<typeof value>(key, sealJson(key, value))).toEqual(value);
    const ad = Buffer.from('ad');
    expect(openJson<string>(key, sealJson(key, 'x', ad), ad)).toBe('x');
  });
  it('rejects a flipped bit and a wrong key', () => {
    const key = randomKey();
    const sealed = sealJson(key, { a: 1 });
    expectEveryBitFlipRejected(sealed, (t) => openJson(key, t));
    expect(() => openJson(randomKey(), sealed)).toThrow(CryptoError);
  });
  it('refuses a value JSON cannot represent', () => {
    expect(() => sealJson(randomKey(), undefined)).toThrow(TypeError);
  });
});

describe('sealTo / openSealed', () => {
  it('round-trips to the recipient only', () => {
    const alice = generateKeyPair();
    const bob = generateKeyPair();
    expect(alice.publicKey).toHaveLength(32);
    expect(alice.secretKey).toHaveLength(32);
    const reportKey = randomKey();
    const sealed = sealTo(alice.publicKey, reportKey);
    expect(sealed).toHaveLength(32 + 48);
    expect(openSealed(alice.publicKey, alice.secretKey, sealed)).toEqual(reportKey);
    expect(() => openSealed(bob.publicKey, bob.secretKey, sealed)).toThrow(CryptoError);
    expect(() => openSealed(alice.publicKey, alice.secretKey, sealed.subarray(0, 47))).toThrow(CryptoError);
  });
  it('rejects every flipped bit', () => {
    const pair = generateKeyPair();
    const sealed = sealTo(pair.publicKey, Buffer.from('grant'));
    expectEveryBitFlipRejected(sealed, (t) => openSealed(pair.publicKey, pair.secretKey, t));
  });
});

describe('deriveSubkey', () => {
  it('is deterministic and separates ids and contexts', () => {
    const master = randomKey();
    const a = deriveSubkey(master, 1, 'confverf');
    expect(a).toHaveLength(32);
    expect(deriveSubkey(master, 1, 'confverf')).toEqual(a);
    expect(deriveSubkey(master, 2, 'confverf').equals(a)).toBe(false);
    expect(deriveSubkey(master, 1, 'confkek_').equals(a)).toBe(false);
  });
  it('requires an 8-character context and a 32-byte master', () => {
    expect(() => deriveSubkey(randomKey(), 1, 'short')).toThrow(RangeError);
    expect(() => deriveSubkey(randomKey(), 1, 'ninechars')).toThrow(RangeError);
    expect(() => deriveSubkey(randomBytes(16), 1, 'confverf')).toThrow(RangeError);
    expect(() => deriveSubkey(randomKey(), -1, 'confverf')).toThrow(RangeError);
  });
});

describe('mac / verifyMac', () => {
  it('verifies its own tag and nothing else', () => {
    const key = randomKey();
    const data = Buffer.from('audit entry');
    const tag = mac(key, data);
    expect(tag).toHaveLength(32);
    expect(verifyMac(key, data, tag)).toBe(true);
    expect(verifyMac(key, Buffer.from('audit entrY'), tag)).toBe(false);
    expect(verifyMac(randomKey(), data, tag)).toBe(false);
    expect(verifyMac(key, data, tag.subarray(0, 31))).toBe(false);
    const flipped = Buffer.from(tag);
    flipped[0]! ^= 1;
    expect(verifyMac(key, data, flipped)).toBe(false);
  });
});

describe('hash', () => {
  it('is BLAKE2b (RFC 7693 test vector for "abc", 64 bytes)', () => {
    expect(hash('abc', 64).toString('hex')).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1' +
        '7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
  });
  it('hashes strings as UTF-8 and honours the length', () => {
    expect(hash('é')).toEqual(hash(Buffer.from('é', 'utf8')));
    expect(hash('x')).toHaveLength(32);
    expect(hash('x', 16)).toHaveLength(16);
    expect(() => hash('x', 8)).toThrow(RangeError);
    expect(() => hash('x', 65)).toThrow(RangeError);
  });
});

describe('equal / wipe', () => {
  it('compares contents, and different lengths are unequal', () => {
    expect(equal(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
    expect(equal(Buffer.from('abc'), Buffer.from('abd'))).toBe(false);
    expect(equal(Buffer.from('abc'), Buffer.from('abcd'))).toBe(false);
    expect(equal(Buffer.alloc(0), Buffer.alloc(0))).toBe(true);
  });
  it('zeroes a buffer in place', () => {
    const buf = Buffer.from('secret');
    wipe(buf);
    expect(buf).toEqual(Buffer.alloc(6));
  });
});
