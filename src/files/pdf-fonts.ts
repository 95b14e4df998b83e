/**
 * The fonts every generated PDF embeds: Noto Sans SC (Latin, CJK and the common punctuation) and Noto Sans Arabic,
 * each regular and bold, from the @expo-google-fonts packages (SIL Open Font License). The font files (about 10 MB
 * each for Noto Sans SC) are read once per process; each document embeds only the glyphs it draws (pdf-lib subsets
 * the font and writes a ToUnicode map, so the text can be searched and copied).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/** `sc` draws everything but Arabic script; `arabic` draws Arabic script (fontkit shapes its joining forms). */
export type Face = 'sc' | 'arabic';
export type Weight = 'regular' | 'bold';

const FILES: Readonly<Record<Face, { regular: string; bold: string }>> = {
  sc: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
  arabic: {
    regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  },
};

const require = createRequire(import.meta.url);
const bytesCache = new Map<string, Buffer>();

/** The font file's bytes, read on first use. @throws the file system's error when the package is missing */
function fontBytes(face: Face, weight: Weight): Buffer {
  const path = FILES[face][weight];
  let bytes = bytesCache.get(path);
  if (!bytes) {
    bytes = readFileSync(require.resolve(path));
    bytesCache.set(path, bytes);
  }
  return bytes;
}

/** One glyph as fontkit's layout gives it: `id` in the whole font, `advanceWidth` from its hmtx (font units). */
export interface ShapedGlyph {
  id: number;
  advanceWidth: number;
  /** The characters the font's cmap maps to this glyph (none for a dot or other part of a letter). */
  codePoints: number[];
}

/** Where a glyph goes, font units: GPOS moves Arabic dots and marks by offsets and adjusts advances. */
export interface GlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** The parts of a fontkit font that text layout asks about (the package ships no types for them). */
export interface Shaper {
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  /**
   * fontkit's shaping (GSUB and GPOS). `direction` is 'rtl' when it returned the glyphs reversed (Arabic and Hebrew
   * script); glyphs and positions are then in visual order, left to right.
   */
  layout(text: string): { direction: 'ltr' | 'rtl'; glyphs: ShapedGlyph[]; positions: GlyphPosition[] };
}

const shapers = new Map<string, Shaper>();
const parsed = new Map<Uint8Array, unknown>();

/**
 * A process-wide fontkit instance of a face, for what does not depend on the document: which characters it has,
 * the glyphs' positions (pdf-lib draws glyphs at their advance widths only, so offsets are applied by the caller),
 * and in which order fontkit lays out a run (so that a right-to-left run is not reversed twice). pdf-lib embeds
 * this same instance (`embedFonts`), so its glyphs are the ones positioned here.
 */
export function shaper(face: Face, weight: Weight = 'regular'): Shaper {
  const key = `${face}-${weight}`;
  let s = shapers.get(key);
  if (!s) {
    const bytes = fontBytes(face, weight);
    s = fontkit.create(bytes) as unknown as Shaper;
    shapers.set(key, s);
    parsed.set(bytes, s);
  }
  return s;
}

/** The four faces of one document. */
export type FontSet = Readonly<Record<Face, { regular: PDFFont; bold: PDFFont }>>;

/**
 * fontkit for pdf-lib, handing out the process-wide instance of a font file it was given before: parsing Noto Sans
 * SC's layout tables anew for every document took most of a certificate's rendering time. Each document still makes
 * its own subset (fontkit's `createSubset`), so nothing of one document reaches another.
 */
const sharedFontkit = {
  create: (bytes: Uint8Array) => parsed.get(bytes) ?? fontkit.create(bytes as Buffer),
} as unknown as typeof fontkit;

/** Embeds the four faces into `doc`, subset: a face none of whose glyphs is drawn adds only a few hundred bytes. */
export async function embedFonts(doc: PDFDocument): Promise<FontSet> {
  for (const face of ['sc', 'arabic'] as const) for (const weight of ['regular', 'bold'] as const) shaper(face, weight);
  doc.registerFontkit(sharedFontkit);
  const embed = (face: Face, weight: Weight) =>
    doc.embedFont(fontBytes(face, weight), { subset: true, customName: `NotoSans${face}-${weight}` });
  const [scRegular, scBold, arRegular, arBold] = await Promise.all([
    embed('sc', 'regular'),
    embed('sc', 'bold'),
    embed('arabic', 'regular'),
    embed('arabic', 'bold'),
  ]);
  return { sc: { regular: scRegular, bold: scBold }, arabic: { regular: arRegular, bold: arBold } };
}
