import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfLines } from '../../test/helpers/pdf-text.ts';
import { renderCertificate, timeInWords, type CertificateContent } from './certificate-pdf.ts';
import { shaper } from './pdf-fonts.ts';

const CONTENT: CertificateContent = {
  authority: 'National Security Reporting Office',
  reference: 'R-0A1B2C3D',
  categoryTitle: '中文 and العربية',
  channel: 'phone',
  receivedAt: '2026-02-28T23:59:59.999Z',
  issuedAt: '2026-03-01T00:00:00.000Z',
  code: '7KQ2-M9XD-0HZC-4TRW-B1PE',
  audit: { seq: 7, hash: 'ab'.repeat(32) },
  selfDisclosure: false,
  timeZone: 'Asia/Shanghai',
};

const after = (lines: string[], label: string) => lines[lines.indexOf(label) + 1];

/** The embedded fonts: each font file's bytes, and whether its Type 0 font has a ToUnicode map. */
async function embeddedFonts(bytes: Uint8Array): Promise<{ files: Uint8Array[]; toUnicode: boolean[] }> {
  const doc = await PDFDocument.load(bytes);
  const files: Uint8Array[] = [];
  const toUnicode: boolean[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const file = object.lookup(PDFName.of('FontFile2'));
    if (file instanceof PDFRawStream) files.push(decodePDFRawStream(file).decode());
    if (object.get(PDFName.of('Subtype')) === PDFName.of('Type0'))
      toUnicode.push(object.get(PDFName.of('ToUnicode')) !== undefined);
  }
  return { files, toUnicode };
}

describe('certificate PDF', () => {
  it('gives the time of receipt in words in the language and the authority’s time zone, with the zone', () => {
    expect(timeInWords('2026-02-28T23:59:59.999Z', 'en', 'UTC')).toBe('February 28, 2026 at 11:59:59 PM UTC');
    expect(timeInWords('2026-02-28T23:59:59.999Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年3月1日 GMT+8 07:59:59');
  });

  it('is in English, with text in any script drawn and extracted back', async () => {
    const bytes = await renderCertificate(CONTENT, 'en');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Certificate of receipt R-0A1B2C3D');
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(en)');
    const lines = await pdfLines(bytes);
    expect(lines.slice(0, 2)).toEqual(['National Security Reporting Office', 'Certificate of receipt']);
    expect(after(lines, 'Kind of report')).toBe('中文 and العربية');
    expect(after(lines, 'Channel')).toBe('Telephone');
    expect(after(lines, 'Received (in words)')).toBe('March 1, 2026 at 7:59:59 AM GMT+8');
    expect(after(lines, 'Verification code')).toBe('7KQ2-M9XD-0HZC-4TRW-B1PE');
  });

  it('is in Simplified Chinese', async () => {
    const bytes = await renderCertificate({ ...CONTENT, authority: '国家安全机关举报受理中心' }, 'zh-CN');
    const lines = await pdfLines(bytes);
    expect(lines.slice(0, 2)).toEqual(['国家安全机关举报受理中心', '举报受理证明']);
    expect(lines[2]).toBe('兹证明，国家安全机关举报受理中心已于下列时间通过其保密举报渠道受理一件举报。本证明可证');
    expect(after(lines, '举报类别')).toBe('中文 and العربية');
    expect(after(lines, '举报渠道')).toBe('电话');
    expect(after(lines, '受理时间（文字表述）')).toBe('2026年3月1日 GMT+8 07:59:59');
    expect((await PDFDocument.load(bytes)).getTitle()).toBe('举报受理证明 R-0A1B2C3D');
  });

  it('is in Arabic, right to left, letters joined, the text extracted back in reading order', async () => {
    const bytes = await renderCertificate({ ...CONTENT, selfDisclosure: true }, 'ar');
    const lines = await pdfLines(bytes);
    expect(lines[1]).toBe('شهادة استلام');
    expect(after(lines, 'نوع البلاغ')).toBe('中文 and العربية');
    expect(after(lines, 'قناة الإبلاغ')).toBe('الهاتف');
    expect(after(lines, 'الرقم المرجعي للبلاغ')).toBe('R-0A1B2C3D');
    expect(lines.join(' ')).toContain('(قانون مكافحة');
    // Joined forms: the glyphs fontkit draws for العربية are not the letters' isolated forms.
    const arabic = shaper('arabic');
    const isolated = [...'العربية'].map((c) => (arabic as unknown as Fontkit).glyphForCodePoint(c.codePointAt(0)!).id);
    const joined = arabic.layout('العربية').glyphs.map((g) => g.id);
    expect(joined.filter((id) => isolated.includes(id)).length).toBeLessThan(isolated.length / 2);
  });

  it('embeds small font subsets with ToUnicode maps whose glyphs are the font’s own', async () => {
    for (const language of ['en', 'zh-CN', 'ar'] as const) {
      const bytes = await renderCertificate(CONTENT, language);
      // Measured: en 15 KB, zh-CN 38 KB, ar 25 KB.
      expect(bytes.length).toBeLessThan(100_000);
      const { files, toUnicode } = await embeddedFonts(bytes);
      expect(files).toHaveLength(4);
      for (const file of files) expect(file.length).toBeLessThan(60_000);
      expect(toUnicode).toEqual([true, true, true, true]);
    }
    // The first text drawn is the authority in Noto Sans SC Bold: the subset's glyphs 1… must be its glyphs in order
    // (an odd-length glyph once shifted every glyph after it, patches/@pdf-lib+fontkit).
    const { files } = await embeddedFonts(await renderCertificate(CONTENT, 'en'));
    const original = shaper('sc', 'bold').layout('National Security Reporting Office').glyphs;
    const unique = original.filter((g, i) => original.findIndex((o) => o.id === g.id) === i);
    const subsets = files.map((f) => fontkit.create(Buffer.from(f)) as unknown as Fontkit);
    const svg = (font: Fontkit, id: number) => font.getGlyph(id).path.toSVG();
    const originalFont = shaper('sc', 'bold') as unknown as Fontkit;
    const expected = unique.map((g) => svg(originalFont, g.id));
    const drawn = subsets
      .filter((subset) => subset.numGlyphs > unique.length)
      .map((subset) => unique.map((_, i) => svg(subset, i + 1)));
    expect(drawn).toContainEqual(expected);
  });
});

interface Fontkit {
  numGlyphs: number;
  glyphForCodePoint(cp: number): { id: number };
  getGlyph(id: number): { path: { toSVG(): string } };
}
