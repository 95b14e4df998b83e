/**
 * Writing a one-page A4 document with pdf-lib's standard Helvetica (no font file embedded, nothing fetched): the
 * certificate of receipt and the receipt letter share it.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const WIDTH = A4.width - 2 * MARGIN;
export const INK = rgb(0.1, 0.1, 0.1);
export const MUTED = rgb(0.35, 0.35, 0.35);

/** Writes lines top-down, wrapping at the text width. */
export class Writer {
  private y = A4.height - MARGIN;
  private readonly supported: Set<number>;

  constructor(
    private readonly page: PDFPage,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
  ) {
    this.supported = new Set(fonts.regular.getCharacterSet());
  }

  /** The standard fonts cover Western European text; anything else is shown as "?" rather than failing. */
  private printable(text: string): string {
    return [...text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')]
      .map((c) => (this.supported.has(c.codePointAt(0)!) ? c : '?'))
      .join('');
  }

  text(raw: string, options: { size?: number; bold?: boolean; color?: typeof INK; gap?: number } = {}): void {
    const size = options.size ?? 11;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrap(this.printable(raw), font, size)) {
      this.y -= size * 1.35;
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font, color: options.color ?? INK });
    }
    this.y -= options.gap ?? 4;
  }

  /** A label above its value. */
  field(label: string, value: string, mono = false): void {
    this.text(label, { size: 9, color: MUTED, gap: 0 });
    this.text(value, { size: mono ? 10 : 12, bold: !mono, gap: 10 });
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

function wrap(text: string, font: PDFFont, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > WIDTH) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/**
 * A new one-page A4 document by Confide, dated `issuedAt` (ISO 8601), with its Writer.
 * @param meta.language BCP 47 tag of the text, when known
 */
export async function a4Document(meta: {
  title: string;
  subject?: string;
  language?: string;
  issuedAt: string;
}): Promise<{ doc: PDFDocument; w: Writer }> {
  const doc = await PDFDocument.create();
  doc.setTitle(meta.title);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.language) doc.setLanguage(meta.language);
  doc.setCreator('Confide');
  doc.setProducer('Confide');
  doc.setCreationDate(new Date(meta.issuedAt));
  doc.setModificationDate(new Date(meta.issuedAt));
  const page = doc.addPage([A4.width, A4.height]);
  const w = new Writer(page, {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  });
  return { doc, w };
}
