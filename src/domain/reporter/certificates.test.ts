import { describe, expect, it } from 'vitest';
import { CODE_CHARS, newCertificateCode, normalizeCertificateCode } from './certificates.ts';

describe('certificate verification codes', () => {
  it('are 100 bits of Crockford base32 in five groups of four', () => {
    const codes = new Set(Array.from({ length: 2_000 }, () => newCertificateCode()));
    expect(codes.size).toBe(2_000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(CODE_CHARS * 5).toBe(100);
    // Every symbol turns up, at the first position too: no bit is stuck.
    const first = new Set([...codes].map((c) => c[0]));
    expect(first.size).toBe(32);
  });

  it('read the same however they are typed, and refuse what cannot be a code', () => {
    expect(normalizeCertificateCode('7kq2 m9xd-0hzc 4trw b1pe')).toBe('7KQ2M9XD0HZC4TRWB1PE');
    expect(normalizeCertificateCode('OIL0-0000-0000-0000-0000')).toBe('01100000000000000000');
    expect(normalizeCertificateCode('7KQ2-M9XD-0HZC-4TRW-B1P')).toBeNull();
    expect(normalizeCertificateCode('7KQ2-M9XD-0HZC-4TRW-B1PU')).toBeNull();
    expect(normalizeCertificateCode('')).toBeNull();
  });
});
