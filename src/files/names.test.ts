import { describe, expect, it } from 'vitest';
import { contentDisposition, safeFileName, withExtension } from './names.ts';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

describe('safeFileName', () => {
  it('normalises to NFC, so a decomposed é becomes one code point', () => {
    expect(safeFileName('e\u0301.txt')).toBe('\u00E9.txt');
    expect(safeFileName('é.txt')).toBe('é.txt');
  });

  it('keeps non-Latin scripts and emoji', () => {
    expect(safeFileName('文件.docx')).toBe('文件.docx');
    expect(safeFileName('😀.png')).toBe('😀.png');
  });

  it('removes a right-to-left override that disguises an .exe as a .jpg', () => {
    expect(safeFileName('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(safeFileName('a\u2066b\u2069\u200E\u200F\u061C.txt')).toBe('ab.txt');
  });

  it('replaces a double quote, and keeps ; and = that are harmless in a file name', () => {
    expect(safeFileName('a";x=1.pdf')).toBe('a_;x=1.pdf');
    expect(safeFileName("<it's>:a|b?*.txt")).toBe("_it's__a_b__.txt");
  });

  it('removes CR/LF and other C0 and C1 controls', () => {
    expect(safeFileName('a\r\nb.txt')).toBe('ab.txt');
    expect(safeFileName('a\u0000\u0007\u007F\u0085\u009Fb.txt')).toBe('ab.txt');
  });

  it('cuts a 300-byte name to 255 bytes, keeping the extension', () => {
    expect(safeFileName(`${'a'.repeat(296)}.txt`)).toBe(`${'a'.repeat(251)}.txt`);
  });

  it('cuts between code points: three-byte characters and emoji are never split', () => {
    // 文 is 3 bytes: 83 of them and '.txt' make 253 bytes, an 84th would make 256.
    expect(safeFileName(`${'文'.repeat(100)}.txt`)).toBe(`${'文'.repeat(83)}.txt`);
    // 😀 is 4 bytes (a surrogate pair in JavaScript): 62 of them and '.png' make 252 bytes.
    const emoji = safeFileName(`${'😀'.repeat(75)}.png`);
    expect(emoji).toBe(`${'😀'.repeat(62)}.png`);
    expect(bytes(emoji)).toBe(252);
  });

  it('removes path parts, with slashes or backslashes', () => {
    expect(safeFileName('../../x.txt')).toBe('x.txt');
    expect(safeFileName('..\\..\\x.txt')).toBe('x.txt');
    expect(safeFileName('C:\\Users\\jane\\Desktop\\x.txt')).toBe('x.txt');
  });

  it('gives "file" for an empty name or one with nothing usable left', () => {
    expect(safeFileName('')).toBe('file');
    expect(safeFileName(' .. ')).toBe('file');
    expect(safeFileName('../')).toBe('file');
  });

  it('trims dots and spaces at the ends', () => {
    expect(safeFileName('  .hidden. ')).toBe('hidden');
  });

  it('defuses a leading dash and Windows device names', () => {
    expect(safeFileName('-rf.txt')).toBe('_rf.txt');
    expect(safeFileName('CON.txt')).toBe('_CON.txt');
    expect(safeFileName('console.txt')).toBe('console.txt');
  });

  it('drops a lone surrogate, which UTF-8 cannot encode', () => {
    expect(safeFileName('a\uD83Db.txt')).toBe('ab.txt');
  });
});

describe('withExtension', () => {
  it('replaces the extension when the format changed, and keeps an accepted one', () => {
    expect(withExtension('IMG_5195.HEIC', '.jpg', ['.jpg', '.jpeg'])).toBe('IMG_5195.jpg');
    expect(withExtension('photo.JPEG', '.jpg', ['.jpg', '.jpeg'])).toBe('photo.JPEG');
    expect(withExtension('scan', '.png', ['.png'])).toBe('scan.png');
    expect(withExtension('minutes 2024.06.01 final version', '.pdf', ['.pdf'])).toBe(
      'minutes 2024.06.01 final version.pdf',
    );
  });
});

describe('contentDisposition', () => {
  const header = (name: string): string => contentDisposition(name);

  it('gives an ASCII fallback and the UTF-8 name, percent-encoded (RFC 6266, RFC 5987)', () => {
    expect(header('é.txt')).toBe(`attachment; filename="_.txt"; filename*=UTF-8''%C3%A9.txt`);
    expect(header('文件.docx')).toBe(`attachment; filename="__.docx"; filename*=UTF-8''%E6%96%87%E4%BB%B6.docx`);
    expect(header('😀.png')).toBe(`attachment; filename="_.png"; filename*=UTF-8''%F0%9F%98%80.png`);
  });

  it('cannot be broken out of: quotes, parameters and line breaks stay inside the name', () => {
    expect(header('a";x=1.pdf')).toBe(`attachment; filename="a_;x=1.pdf"; filename*=UTF-8''a_%3Bx%3D1.pdf`);
    expect(header('a\r\nb.txt')).toBe(`attachment; filename="ab.txt"; filename*=UTF-8''ab.txt`);
    expect(header('invoice\u202Egpj.exe')).toBe(
      `attachment; filename="invoicegpj.exe"; filename*=UTF-8''invoicegpj.exe`,
    );
  });

  it("percent-encodes what RFC 5987 does not allow bare: ' ( ) % and space", () => {
    expect(header("it's (1) 100%.pdf")).toBe(
      `attachment; filename="it's (1) 100_.pdf"; filename*=UTF-8''it%27s%20%281%29%20100%25.pdf`,
    );
  });

  it('uses the safe name: no path, at most 255 bytes, "file" when empty', () => {
    expect(header('../../x.txt')).toBe(`attachment; filename="x.txt"; filename*=UTF-8''x.txt`);
    expect(header('..\\..\\x.txt')).toBe(`attachment; filename="x.txt"; filename*=UTF-8''x.txt`);
    expect(header('')).toBe(`attachment; filename="file"; filename*=UTF-8''file`);
    const long = `${'a'.repeat(296)}.txt`;
    expect(header(long)).toBe(`attachment; filename="${'a'.repeat(251)}.txt"; filename*=UTF-8''${'a'.repeat(251)}.txt`);
  });
});
