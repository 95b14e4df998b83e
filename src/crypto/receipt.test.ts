import { describe, it, expect } from 'vitest';
import { dammCheckDigit, formatReceipt, generateReceipt, parseReceipt } from './receipt.ts';

const digitsOf = (receipt: string) => receipt.replace(/ /g, '');

describe('dammCheckDigit', () => {
  it('matches the published examples', () => {
    expect(dammCheckDigit('572')).toBe('4');
    expect(dammCheckDigit('5724')).toBe('0');
    expect(dammCheckDigit('0')).toBe('0');
  });
  it('refuses non-digits', () => {
    expect(() => dammCheckDigit('12a')).toThrow(RangeError);
    expect(() => dammCheckDigit('')).toThrow(RangeError);
  });
});

describe('formatReceipt', () => {
  it('gives nine groups of four separated by single spaces', () => {
    expect(formatReceipt('123456789012345678901234567890123456')).toBe('1234 5678 9012 3456 7890 1234 5678 9012 3456');
    expect(() => formatReceipt('123')).toThrow(RangeError);
  });
});

describe('generateReceipt', () => {
  it('is formatted exactly as dddd dddd … dddd (44 characters) with a valid check digit', () => {
    const { receipt, locator, secret } = generateReceipt();
    expect(receipt).toMatch(/^\d{4}( \d{4}){8}$/);
    expect(receipt).toHaveLength(44);
    expect(locator).toMatch(/^\d{10}$/);
    expect(secret).toMatch(/^\d{25}$/);
    const digits = digitsOf(receipt);
    expect(digits).toBe(locator + secret + dammCheckDigit(locator + secret));
  });

  it('10,000 receipts all parse back to their locator and secret', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const { receipt, locator, secret } = generateReceipt();
      expect(parseReceipt(receipt)).toEqual({ ok: true, locator, secret });
      seen.add(secret);
    }
    expect(seen.size).toBe(10_000);
  });

  it('draws secret digits uniformly (chi-square over 20,000 secrets)', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      for (const ch of generateReceipt().secret) counts[Number(ch)]!++;
    }
    const expected = (20_000 * 25) / 10;
    const chiSquare = counts.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: P(χ² > 44.81) = 1e-6, P(χ² < 0.2) ≈ 6e-7 (too even to be random).
    // `byte % 10` without rejection would put 26/256 on digits 0–5 and give χ² ≈ 190.
    expect(chiSquare).toBeLessThan(44.81);
    expect(chiSquare).toBeGreaterThan(0.2);
  });
});

describe('parseReceipt', () => {
  const { receipt, locator, secret } = generateReceipt();
  const digits = digitsOf(receipt);

  it('accepts any spacing, dashes and surrounding whitespace', () => {
    const expected = { ok: true, locator, secret };
    expect(parseReceipt(digits)).toEqual(expected);
    expect(parseReceipt(`  ${receipt}\n`)).toEqual(expected);
    expect(parseReceipt(receipt.replace(/ /g, '-'))).toEqual(expected);
    expect(parseReceipt(digits.split('').join(' '))).toEqual(expected);
    expect(parseReceipt(`\t${digits.slice(0, 7)} - ${digits.slice(7)}`)).toEqual(expected);
  });

  it('reports the wrong length or other characters as format', () => {
    expect(parseReceipt('')).toEqual({ ok: false, reason: 'format' });
    expect(parseReceipt(digits.slice(1))).toEqual({ ok: false, reason: 'format' });
    expect(parseReceipt(digits + '0')).toEqual({ ok: false, reason: 'format' });
    expect(parseReceipt(digits.slice(1) + 'a')).toEqual({ ok: false, reason: 'format' });
    expect(parseReceipt(receipt.replace(' ', '.'))).toEqual({ ok: false, reason: 'format' });
    expect(parseReceipt(' '.repeat(1000) + digits)).toEqual({ ok: false, reason: 'format' });
  });

  it('catches every single-digit substitution as checksum', () => {
    let cases = 0;
    for (let i = 0; i < 36; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === digits[i]) continue;
        const typo = digits.slice(0, i) + d + digits.slice(i + 1);
        expect(parseReceipt(formatReceipt(typo)), `position ${i} → ${d}`).toEqual({
          ok: false,
          reason: 'checksum',
        });
        cases++;
      }
    }
    expect(cases).toBe(36 * 9);
  });

  it('catches every adjacent transposition as checksum', () => {
    // Use a receipt with no equal neighbours so that every swap changes the digits.
    let candidate = generateReceipt();
    while (/(\d)\1/.test(digitsOf(candidate.receipt))) candidate = generateReceipt();
    const d = digitsOf(candidate.receipt);
    for (let i = 0; i < 35; i++) {
      const swapped = d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2);
      expect(parseReceipt(swapped), `swap ${i}/${i + 1}`).toEqual({ ok: false, reason: 'checksum' });
    }
  });
});
