/**
 * Writing a one-page A4 document in any shipped language: the certificate of receipt and the receipt letter share
 * it. Text is laid out by src/files/pdf-text.ts with the fonts of src/files/pdf-fonts.ts (embedded, subset; nothing
 * is fetched); a right-to-left document (Arabic) aligns its lines right.
 */
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { textDirection, type Language } from '../i18n/languages.ts';
import { embedFonts, type FontSet } from './pdf-fonts.ts';
import { drawRun } from './pdf-glyphs.ts';
import { isolate, layoutParagraph } from './pdf-text.ts';

export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const WIDTH = A4.width - 2 * MARGIN;
export const INK = rgb(0.1, 0.1, 0.1);
export const MUTED = rgb(0.35, 0.35, 0.35);

/** Writes lines top-down, wrapping at the text width. */
export class Writer {
  private y = A4.height - MARGIN;

  constructor(
    private readonly page: PDFPage,
    private readonly fonts: FontSet,
    private readonly direction: 'ltr' | 'rtl',
  ) {}

  /** A paragraph of any text; "\n" starts a new line. Sizes in PDF points. */
  text(raw: string, options: { size?: number; bold?: boolean; color?: typeof INK; gap?: number } = {}): void {
    const size = options.size ?? 11;
    const paragraph = layoutParagraph(raw, {
      fonts: this.fonts,
      bold: options.bold ?? false,
      size,
      width: WIDTH,
      direction: this.direction,
    });
    for (const line of paragraph.lines) {
      // CJK and Arabic glyphs reach further above and below the baseline than Latin ones.
      this.y -= size * 1.5;
      let x = paragraph.rtl ? A4.width - MARGIN - line.width : MARGIN;
      for (const piece of line.pieces) {
        drawRun(this.page, piece, x, this.y, size, options.color ?? INK);
        x += piece.width;
      }
    }
    this.y -= options.gap ?? 4;
  }

  /** A label above its value; the value keeps its own direction (an English name in an Arabic document). */
  field(label: string, value: string, mono = false): void {
    this.text(label, { size: 9, color: MUTED, gap: 0 });
    this.text(isolate(value), { size: mono ? 10 : 12, bold: !mono, gap: 10 });
  }

  rule(): void {
    this.y -= 6;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: A4.width - MARGIN, y: this.y },
      thickness: 0.75,
      color: MUTED,
    });
    this.y -= 8;
  }
}

/**
 * A new one-page A4 document by Confide in `language`, dated `issuedAt` (ISO 8601), with its Writer. The document's
 * language (/Lang) and title are set, so a screen reader reads it in the right voice.
 */
export async function a4Document(meta: {
  title: string;
  subject?: string;
  language: Language;
  issuedAt: string;
}): Promise<{ doc: PDFDocument; w: Writer }> {
  const doc = await PDFDocument.create();
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.subject) doc.setSubject(meta.subject);
  doc.setLanguage(meta.language);
  doc.setCreator('Confide');
  doc.setProducer('Confide');
  doc.setCreationDate(new Date(meta.issuedAt));
  doc.setModificationDate(new Date(meta.issuedAt));
  const page = doc.addPage([A4.width, A4.height]);
  const w = new Writer(page, await embedFonts(doc), textDirection(meta.language));
  return { doc, w };
}
