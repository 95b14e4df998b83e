import { describe, expect, it } from 'vitest';
import { CryptoError } from '../../crypto/errors.ts';
import { generateKeyPair } from '../../crypto/sodium.ts';
import { openStatement, sealStatement } from './identity.ts';

const REPORT = '6f1c2a4e-0000-4000-8000-000000000001';
const STATEMENT = '6f1c2a4e-0000-4000-8000-000000000002';

describe('identity statements', () => {
  it('open with the identity key pair to exactly what was sealed', () => {
    const pair = generateKeyPair();
    const answers = { name: 'Ana Example', contact: null, relationship: 'Former contractor' };
    const sealed = sealStatement(pair.publicKey, REPORT, STATEMENT, answers);
    expect(openStatement(pair, REPORT, STATEMENT, sealed)).toEqual(answers);
  });

  it('do not open with another key pair, for another report or statement, or after any change', () => {
    const pair = generateKeyPair();
    const sealed = sealStatement(pair.publicKey, REPORT, STATEMENT, { name: 'Ana' });
    expect(() => openStatement(generateKeyPair(), REPORT, STATEMENT, sealed)).toThrow(CryptoError);
    expect(() => openStatement(pair, STATEMENT, STATEMENT, sealed)).toThrow(CryptoError);
    expect(() => openStatement(pair, REPORT, REPORT, sealed)).toThrow(CryptoError);
    for (const at of [0, 40, 79, 80, 100, sealed.length - 1]) {
      const changed = Buffer.from(sealed);
      changed[at]! ^= 1;
      expect(() => openStatement(pair, REPORT, STATEMENT, changed), `byte ${at}`).toThrow(CryptoError);
    }
  });

  it('are padded, so their length does not tell a short name from a long one', () => {
    const { publicKey } = generateKeyPair();
    const short = sealStatement(publicKey, REPORT, STATEMENT, { name: 'Al' });
    const long = sealStatement(publicKey, REPORT, STATEMENT, { name: 'Alexandra Example-Whitmore' });
    expect(short.length).toBe(long.length);
  });
});
