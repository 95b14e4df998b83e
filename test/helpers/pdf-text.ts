/**
 * The text of a PDF as a reader's copy-and-paste gets it: each page through pdf.js (pdfjs-dist's legacy build,
 * which runs in Node), its text items grouped into lines by their baseline, top to bottom, and within a line in the
 * order drawn (left to right). pdf.js maps glyphs to characters through the fonts' ToUnicode maps; it does not read
 * /ActualText (ISO 32000-1 §14.9.4), which src/files/pdf-glyphs.ts writes around Arabic runs (several letters share
 * one glyph), so the text inside each such span is taken from the span's /ActualText, as conforming readers do.
 */
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface TextItem {
  str: string;
  /** [a, b, c, d, e, f]: f is the baseline, PDF points */
  transform: number[];
  /** PDF points */
  width: number;
}
type Item = TextItem | { type: string };

/** Each /ActualText of each page, in content-stream order. */
async function actualTexts(bytes: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((s) => doc.context.lookup(s)) : [contents];
    const texts: string[] = [];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const ops = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      for (const m of ops.matchAll(/\/ActualText\s*<FEFF([0-9A-Fa-f]*)>/g))
        texts.push(Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'));
    }
    return texts;
  });
}

export async function pdfLines(bytes: Uint8Array): Promise<string[]> {
  const spans = await actualTexts(bytes);
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const lines: string[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const rows = new Map<number, string[]>();
      const pageSpans = [...(spans[n - 1] ?? [])];
      const add = (item: TextItem, str: string) => {
        const y = Math.round(item.transform[5]!);
        rows.set(y, [...(rows.get(y) ?? []), str]);
      };
      // The glyphs of a span (dots raised or lowered by the text rise come as items of their own) are replaced by
      // its /ActualText, on the line of its widest item; pdf.js's own spaces (from gaps) are kept.
      let span: TextItem[] | null = null;
      for (const item of content.items as Item[]) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContentProps') span = [];
          else if (item.type === 'endMarkedContent' && span) {
            const text = pageSpans.shift() ?? '';
            const widest = span.reduce<TextItem | null>((w, i) => (!w || i.width > w.width ? i : w), null);
            if (widest) add(widest, text);
            span = null;
          }
          continue;
        }
        if (item.str === '') continue;
        if (span && item.str.trim() !== '') span.push(item);
        else add(item, item.str);
      }
      for (const y of [...rows.keys()].sort((a, b) => b - a))
        lines.push(rows.get(y)!.join('').replace(/\s+/g, ' ').trim());
    }
  } finally {
    await doc.destroy();
  }
  return lines;
}
