/**
 * The reporter's receipt: 36 digits shown as nine groups of four,
 * `locator(10) ‖ secret(25) ‖ Damm check digit(1)`.
 *
 * - The secret is 25 uniform digits: 25·log2(10) ≈ 83 bits, checked only through Argon2id (kdf.ts) under a
 *   per-report salt, so guessing online is hopeless and offline costs 2^82 Argon2id runs on average.
 * - The locator is not secret: it is the row's lookup key, stored in clear, so the server finds the salt
 *   and wrapped key in one query instead of trying every report. Knowing a locator grants nothing; unknown
 *   locators run the same Argon2id on a dummy salt, so the answer and timing do not reveal which exist.
 *   10^10 values: the caller must retry on a unique-constraint collision.
 * - The check digit (Damm) catches every single-digit typo and every adjacent transposition before any
 *   costly check. It is a checksum, not crypto.
 */
import { randomBytes } from './sodium.ts';

export const LOCATOR_DIGITS = 10;
export const SECRET_DIGITS = 25;
export const RECEIPT_DIGITS = LOCATOR_DIGITS + SECRET_DIGITS + 1;

/** Damm's totally anti-symmetric quasigroup of order 10 (H. M. Damm, 2004). */
const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

function dammInterim(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM[interim]![ch.charCodeAt(0) - 48]!;
  return interim;
}

/**
 * The Damm check digit of a string of decimal digits; appending it makes `dammInterim` zero.
 * @throws RangeError when `digits` is empty or holds anything but 0–9
 */
export function dammCheckDigit(digits: string): string {
  if (!/^[0-9]+$/.test(digits)) throw new RangeError('digits must be decimal digits');
  return String(dammInterim(digits));
}

/**
 * `count` uniform decimal digits from the CSPRNG: bytes ≥ 250 are rejected so that `byte % 10` is unbiased.
 * Never replace this with `randomInt`/`Math.random` or drop the rejection.
 */
function randomDigits(count: number): string {
  let out = '';
  while (out.length < count) {
    for (const byte of randomBytes(count - out.length + 8)) {
      if (byte < 250 && out.length < count) out += String(byte % 10);
    }
  }
  return out;
}

/**
 * Formats 36 digits as nine space-separated groups of four (44 characters).
 * @throws RangeError unless `digits` is exactly 36 decimal digits
 */
export function formatReceipt(digits: string): string {
  if (!/^[0-9]{36}$/.test(digits)) throw new RangeError('a receipt is exactly 36 digits');
  return digits.match(/.{4}/g)!.join(' ');
}

/**
 * A new receipt. Show `receipt` to the reporter once; store `locator` in clear and only the Argon2id
 * verifier of `secret` (kdf.ts) — never the secret, the receipt, or anything derived from them without salt.
 */
export function generateReceipt(): { receipt: string; locator: string; secret: string } {
  const locator = randomDigits(LOCATOR_DIGITS);
  const secret = randomDigits(SECRET_DIGITS);
  const body = locator + secret;
  return { receipt: formatReceipt(body + dammCheckDigit(body)), locator, secret };
}

export type ParsedReceipt =
  { ok: true; locator: string; secret: string } | { ok: false; reason: 'format' | 'checksum' };

/**
 * Parses a typed receipt. Spaces, dashes (ASCII and Unicode) and surrounding whitespace are ignored.
 * @returns `format` for the wrong number of digits or any other character, `checksum` for a bad check digit.
 * A parsed receipt is only well-formed: the secret still has to be checked with Argon2id. Never tell the
 * user whether the locator exists.
 */
export function parseReceipt(input: string): ParsedReceipt {
  if (input.length > 200) return { ok: false, reason: 'format' };
  // NFKC turns full-width digits (typed with CJK input methods) into ASCII ones.
  const digits = input.normalize('NFKC').replace(/[\s\-\u2010-\u2015\u2212]/g, '');
  if (!/^[0-9]{36}$/.test(digits)) return { ok: false, reason: 'format' };
  if (dammInterim(digits) !== 0) return { ok: false, reason: 'checksum' };
  return {
    ok: true,
    locator: digits.slice(0, LOCATOR_DIGITS),
    secret: digits.slice(LOCATOR_DIGITS, LOCATOR_DIGITS + SECRET_DIGITS),
  };
}
