/**
 * Text of any language laid out for a PDF page: a paragraph is wrapped by width in logical order, then each line
 * is put in visual order by the Unicode Bidirectional Algorithm (UAX #9, bidi-js), split into pieces that one font
 * draws (Arabic script → Noto Sans Arabic, everything else → Noto Sans SC), brackets mirrored in right-to-left runs.
 * fontkit shapes each piece (Arabic joining forms) and itself reverses a piece of Arabic script; a right-to-left
 * piece it would not reverse (digits, punctuation) is handed to it reversed, so nothing is reversed twice.
 *
 * Breaks: at spaces, and between two CJK characters (no line starts with closing punctuation such as ，。）).
 * Person-written values put inside a sentence should come wrapped in FSI…PDI (`isolate`), the PDF's `<bdi>`.
 */
import bidiModule, { type Bidi, type EmbeddingLevels } from 'bidi-js';
import { shaper, type Face, type FontSet } from './pdf-fonts.ts';
import { runWidth, type Run } from './pdf-glyphs.ts';

// bidi-js is CommonJS: Node hands its factory over as the default export, which its types declare as ESM.
const bidi = (bidiModule as unknown as () => Bidi)();

/** One run drawn with one font, placed left to right on its line. */
export interface Piece extends Run {
  /** PDF points */
  width: number;
}

export interface Line {
  pieces: Piece[];
  /** PDF points */
  width: number;
}

export interface Paragraph {
  lines: Line[];
  /** The paragraph's direction: right-to-left lines are aligned right. */
  rtl: boolean;
}

export interface TextStyle {
  fonts: FontSet;
  bold: boolean;
  /** Font size, PDF points */
  size: number;
  /** The width to wrap at, PDF points */
  width: number;
  /** The paragraph's base direction (the document's language). */
  direction: 'ltr' | 'rtl';
}

// Bidi formatting characters: they steer the algorithm and are not drawn.
const CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * `value` isolated (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE): its direction stays its own, and
 * its own bidi controls are dropped, so that it cannot end the isolation early or turn the sentence around it.
 */
export function isolate(value: string): string {
  return `\u2068${value.replace(new RegExp(CONTROLS.source, 'g'), '')}\u2069`;
}
const ARABIC = /\p{Script=Arabic}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
// A line may not start with these (closing punctuation), nor end with the opening ones.
const NO_START = /[，。、；：！？）》」』】〉”’%,.;:!?)\]}]/u;
const NO_END = /[（《「『【〈“‘([{]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The face for each UTF-16 unit of `text` (a low surrogate takes its high surrogate's). */
function facesOf(text: string): Face[] {
  const faces: Face[] = [];
  const sc = shaper('sc');
  const arabic = shaper('arabic');
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    const previous = faces[i - 1] ?? 'sc';
    let face: Face;
    if (cp >= 0xdc00 && cp <= 0xdfff) face = previous;
    else if (ARABIC.test(String.fromCodePoint(cp)) && arabic.hasGlyphForCodePoint(cp)) face = 'arabic';
    // Spaces and punctuation stay with the Arabic word before them, so a phrase is drawn in fewer pieces.
    else if (
      previous === 'arabic' &&
      !LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) &&
      arabic.hasGlyphForCodePoint(cp)
    )
      face = 'arabic';
    else face = sc.hasGlyphForCodePoint(cp) || !arabic.hasGlyphForCodePoint(cp) ? 'sc' : 'arabic';
    faces.push(face);
  }
  return faces;
}

/** Characters no face has are drawn as what they stand for: other spaces as a space. */
function drawable(text: string): string {
  const sc = shaper('sc');
  const arabic = shaper('arabic');
  return text.replace(/[^\S\n]/gu, (c) =>
    sc.hasGlyphForCodePoint(c.codePointAt(0)!) || arabic.hasGlyphForCodePoint(c.codePointAt(0)!) ? c : ' ',
  );
}

interface Shaped {
  text: string;
  levels: EmbeddingLevels;
  faces: Face[];
  rtl: boolean;
  style: TextStyle;
}

/** The embedded font and its shaper for `face` in the paragraph's weight. */
function runOf(s: Shaped, face: Face, text: string, logical = text): Run {
  const weight = s.style.bold ? 'bold' : 'regular';
  return { text, logical, font: s.style.fonts[face][weight], shaper: shaper(face, weight) };
}

/** Pieces of the logical range [start, end] in visual order, left to right. */
function visualPieces(s: Shaped, start: number, end: number): Piece[] {
  const order: number[] = [];
  for (let i = start; i <= end; i++) order.push(i);
  for (const [from, to] of bidi.getReorderSegments(s.text, s.levels, start, end)) {
    const reversed = order.slice(from! - start, to! - start + 1).reverse();
    order.splice(from! - start, reversed.length, ...reversed);
  }
  const mirrored = bidi.getMirroredCharactersMap(s.text, s.levels.levels, start, end);
  const level = (i: number) => s.levels.levels[i]! & 1;
  const pieces: Piece[] = [];
  let k = 0;
  while (k < order.length) {
    const first = order[k]!;
    const rtl = level(first) === 1;
    const step = rtl ? -1 : 1;
    let n = 1;
    while (
      k + n < order.length &&
      order[k + n] === first + n * step &&
      level(order[k + n]!) === level(first) &&
      s.faces[order[k + n]!] === s.faces[first]
    )
      n++;
    const from = rtl ? first - n + 1 : first;
    let logical = '';
    let drawn = '';
    for (let i = from; i < from + n; i++)
      if (!CONTROLS.test(s.text[i]!)) {
        logical += s.text[i];
        drawn += mirrored.get(i) ?? s.text[i];
      }
    k += n;
    if (!logical) continue;
    const face = s.faces[first]!;
    // fontkit reverses Arabic-script runs itself; any other run is reversed here when it must read right to left.
    const fontkitReverses = shaper(face).layout(drawn).direction === 'rtl';
    const run = runOf(s, face, rtl === fontkitReverses ? drawn : [...drawn].reverse().join(''), logical);
    pieces.push({ ...run, width: runWidth(run, s.style.size) });
  }
  return pieces;
}

/** Width of the logical range [start, end], PDF points. */
function widthOf(s: Shaped, start: number, end: number): number {
  let width = 0;
  let from = start;
  for (let i = start; i <= end + 1; i++) {
    if (i <= end && s.faces[i] === s.faces[from]) continue;
    const part = s.text.slice(from, i).replace(new RegExp(CONTROLS.source, 'g'), '');
    if (part) width += runWidth(runOf(s, s.faces[from]!, part), s.style.size);
    from = i;
  }
  return width;
}

/** Positions after which a line may break: after a space, or between two characters when either is CJK. */
function breaks(text: string): number[] {
  const after: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text[i]!;
    const next = text[i + 1]!;
    if (/\s/.test(c) && !/\s/.test(next)) after.push(i);
    else if ((CJK.test(c) || CJK.test(next)) && !/\s/.test(next) && !NO_START.test(next) && !NO_END.test(c))
      after.push(i);
  }
  after.push(text.length - 1);
  return after;
}

/** Lines of the logical range [start, end] that fit `width`: greedy, a too-long word stands alone. */
function wrap(s: Shaped, start: number, end: number): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  const trimEnd = (i: number) => {
    while (i >= start && /\s/.test(s.text[i]!)) i--;
    return i;
  };
  let lineStart = start;
  let lastFit = -1;
  for (const b of breaks(s.text).filter((b) => b >= start && b <= end)) {
    if (lastFit >= lineStart && widthOf(s, lineStart, trimEnd(b)) > s.style.width) {
      lines.push([lineStart, trimEnd(lastFit)]);
      lineStart = lastFit + 1;
      while (lineStart < end && /\s/.test(s.text[lineStart]!)) lineStart++;
    }
    lastFit = b;
  }
  if (lineStart <= end) lines.push([lineStart, trimEnd(end)]);
  return lines;
}

/** `text` wrapped to `style.width` and each line in visual order; "\n" starts a new line. */
export function layoutParagraph(raw: string, style: TextStyle): Paragraph {
  const text = drawable(raw.normalize('NFC'));
  const levels = bidi.getEmbeddingLevels(text, style.direction);
  const s: Shaped = { text, levels, faces: facesOf(text), rtl: style.direction === 'rtl', style };
  const lines: Line[] = [];
  for (const paragraph of levels.paragraphs) {
    // A paragraph ends at its separator ("\n"), which is not drawn.
    const end = text[paragraph.end] === '\n' ? paragraph.end - 1 : paragraph.end;
    for (const [from, to] of end >= paragraph.start ? wrap(s, paragraph.start, end) : []) {
      const pieces = to >= from ? visualPieces(s, from, to) : [];
      lines.push({ pieces, width: pieces.reduce((sum, p) => sum + p.width, 0) });
    }
  }
  return { lines: lines.length > 0 ? lines : [{ pieces: [], width: 0 }], rtl: s.rtl };
}
