/**
 * Drawing one shaped run of glyphs where fontkit placed them. pdf-lib's drawText advances each glyph by its width
 * and ignores GPOS offsets, which misplaces the dots and marks that Noto Sans Arabic attaches by GPOS (the yeh of
 * "في" would lose its dots). Here each glyph is shown with the TJ operator, its horizontal offset and advance
 * corrected by TJ adjustments and its vertical offset by the text rise (Ts): ISO 32000-1 §9.4.3, §9.3.7.
 *
 * The same font draws one dotless letter body for several letters (ب ت ث ن ي share one), so a glyph's ToUnicode
 * entry cannot say which letter it is: a run that is not one glyph per character carries its text as /ActualText
 * (§14.9.4), which copy, search and screen readers use instead of the glyphs.
 */
import type { PDFArray } from 'pdf-lib';
import {
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  setTextRise,
  type Color,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import type { Shaper } from './pdf-fonts.ts';

/** A run that one font draws: `text` as handed to fontkit, which lays it out (and may reverse it) itself. */
export interface Run {
  text: string;
  font: PDFFont;
  /** The same font as `font`, for the glyph positions. */
  shaper: Shaper;
  /** The run's characters in logical (reading) order. */
  logical: string;
}

/** The run's advance, PDF points at `size`. */
export function runWidth(run: Run, size: number): number {
  const { positions } = run.shaper.layout(run.text);
  return (positions.reduce((sum, p) => sum + p.xAdvance, 0) * size) / run.shaper.unitsPerEm;
}

/**
 * Draws `run` with its left end at (x, y), PDF points.
 * @throws Error when pdf-lib's glyphs and fontkit's positions disagree in number (a different layout)
 */
export function drawRun(page: PDFPage, run: Run, x: number, y: number, size: number, color: Color): void {
  const { glyphs, positions } = run.shaper.layout(run.text);
  // One 2-byte code (4 hex digits) per glyph, in layout order, for the subset font (Identity-H).
  const codes = run.font.encodeText(run.text).asString().match(/.{4}/g) ?? [];
  if (codes.length !== glyphs.length)
    throw new Error(`PDF text: ${codes.length} glyph codes for ${glyphs.length} positioned glyphs`);
  const perUnit = 1000 / run.shaper.unitsPerEm; // TJ adjustments are in thousandths of the font size
  const context = page.doc.context;
  const ops: PDFOperator[] = [];
  const actualText = glyphs.length !== [...run.logical].length || glyphs.some((g) => g.codePoints.length !== 1);
  if (actualText)
    ops.push(
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [
        PDFName.of('Span'),
        // An inline property list; the operator's argument type omits dictionaries, which it writes as any object.
        context.obj({ ActualText: PDFHexString.fromText(run.logical) }) as unknown as PDFArray,
      ]),
    );
  ops.push(
    pushGraphicsState(),
    beginText(),
    setFillingColor(color),
    setFontAndSize(page.node.newFontDictionary(run.font.name, run.font.ref), size),
    setTextMatrix(1, 0, 0, 1, x, y),
  );
  let items: Array<PDFHexString | number> = [];
  let rise = 0;
  const flush = () => {
    if (items.length > 0) ops.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [context.obj(items)]));
    items = [];
  };
  glyphs.forEach((glyph, i) => {
    const p = positions[i]!;
    const glyphRise = (p.yOffset * size) / run.shaper.unitsPerEm;
    if (glyphRise !== rise) {
      flush();
      ops.push(setTextRise(glyphRise));
      rise = glyphRise;
    }
    // A positive TJ number moves the pen left.
    if (p.xOffset !== 0) items.push(-p.xOffset * perUnit);
    items.push(PDFHexString.of(codes[i]!));
    const correction = p.xAdvance - glyph.advanceWidth - p.xOffset;
    if (correction !== 0) items.push(-correction * perUnit);
  });
  flush();
  if (rise !== 0) ops.push(setTextRise(0));
  ops.push(endText(), popGraphicsState());
  if (actualText) ops.push(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
  page.pushOperators(...ops);
}
