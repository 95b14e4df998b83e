import { describe, expect, it } from 'vitest';
import { cleanText, MAX_STACKED_MARKS } from './text.ts';

describe('cleanText', () => {
  it('removes bidi embeddings, overrides and isolates, keeping the marks', () => {
    expect(cleanText('Open \u202Eevil.exe\u202C now')).toBe('Open evil.exe now');
    expect(cleanText('a\u2066b\u2067c\u2068d\u2069e\u202Af\u202Bg\u202Dh')).toBe('abcdefgh');
    expect(cleanText('\u05E9\u05DC\u05D5\u05DD\u200F 123 \u200Eabc\u061C')).toBe(
      '\u05E9\u05DC\u05D5\u05DD\u200F 123 \u200Eabc\u061C',
    );
  });

  it(`keeps at most ${MAX_STACKED_MARKS} combining marks on a letter`, () => {
    expect(cleanText(`q${'\u0301'.repeat(50)}!`)).toBe(`q${'\u0301'.repeat(MAX_STACKED_MARKS)}!`);
    // Vietnamese and pointed Hebrew keep every mark.
    expect(cleanText('Tiếng Việt')).toBe('Tiếng Việt'.normalize('NFC'));
    const pointed = '\u05D1\u05BC\u05B8\u0591\u05BD';
    expect(cleanText(pointed)).toBe(pointed.normalize('NFC'));
    expect([...cleanText(pointed)]).toHaveLength(5);
  });

  it('turns lone surrogates into U+FFFD, as storing them in UTF-8 does', () => {
    const text = cleanText('a\uD800b\uDC00c😀');
    expect(text).toBe('a\uFFFDb\uFFFDc😀');
    expect(Buffer.from(text).toString()).toBe(text);
  });

  it('keeps tabs and line breaks, as \\n, and removes other controls', () => {
    expect(cleanText('a\r\nb\rc\u2028d\u2029e\tf\u0007g\u0085h\u007Fi')).toBe('a\nb\nc\nd\ne\tfghi');
  });

  it('is idempotent', () => {
    const once = cleanText(`x\u202E${'\u0300'.repeat(9)}\uD83D \r\n`);
    expect(cleanText(once)).toBe(once);
  });
});
