import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedFonts, shaper, type FontSet } from './pdf-fonts.ts';
import { drawRun } from './pdf-glyphs.ts';
import { layoutParagraph, type TextStyle } from './pdf-text.ts';

let fonts: FontSet;
let doc: PDFDocument;
beforeAll(async () => {
  doc = await PDFDocument.create();
  fonts = await embedFonts(doc);
});

const style = (direction: 'ltr' | 'rtl', width = 480): TextStyle => ({
  fonts,
  bold: false,
  size: 11,
  width,
  direction,
});
const pieces = (text: string, s: TextStyle) =>
  layoutParagraph(text, s).lines.map((l) => l.pieces.map((p) => [p.logical, p.text, p.font === fonts.arabic.regular]));

describe('PDF text layout', () => {
  it('puts a line in visual order: an Arabic phrase inside English, and English inside Arabic', () => {
    expect(pieces('Kind: العربية (ar)', style('ltr'))).toEqual([
      [
        ['Kind: ', 'Kind: ', false],
        // Given in reading order: fontkit reverses Arabic script itself.
        ['العربية', 'العربية', true],
        // Neutrals after an Arabic word stay in its font; they read left to right here.
        [' (', ' (', true],
        ['ar)', 'ar)', false],
      ],
    ]);
    expect(pieces('الرقم R-0A1B', style('rtl'))).toEqual([
      [
        ['R-0A1B', 'R-0A1B', false],
        ['الرقم ', 'الرقم ', true],
      ],
    ]);
  });

  it('mirrors brackets in right-to-left text, and reverses a run that fontkit would not', () => {
    expect(pieces('(نص)', style('rtl'))).toEqual([
      [
        ['نص)', 'نص(', true],
        ['(', ')', false],
      ],
    ]);
    expect(layoutParagraph('(نص)', style('rtl')).rtl).toBe(true);
  });

  it('wraps Chinese between characters, never before closing punctuation, and other text at spaces', () => {
    const narrow = (text: string, width: number) =>
      layoutParagraph(text, style('ltr', width)).lines.map((l) => l.pieces.map((p) => p.logical).join(''));
    expect(narrow('举报受理证明。本证明', 11 * 6.5)).toEqual(['举报受理证', '明。本证明']);
    expect(narrow('one two three', 11 * 3)).toEqual(['one', 'two', 'three']);
  });

  it('draws Arabic dots where the font’s GPOS puts them (raised or lowered, not at the baseline)', async () => {
    const own = await PDFDocument.create();
    const ownFonts = await embedFonts(own);
    const run = { text: 'في', logical: 'في', font: ownFonts.arabic.regular, shaper: shaper('arabic') };
    drawRun(own.addPage(), run, 10, 10, 20, rgb(0, 0, 0));
    const saved = await PDFDocument.load(await own.save());
    const contents = saved.getPage(0).node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((r) => saved.context.lookup(r)) : [contents];
    const ops = streams
      .filter((stream) => stream instanceof PDFRawStream)
      .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'))
      .join('\n');
    // The two dots below the yeh are lowered by the text rise; the text is given as ActualText.
    expect(ops).toMatch(/-\d+(\.\d+)? Ts/);
    expect(ops).toContain('/ActualText <FEFF0641064A>');
  });
});
