/**
 * Text that people type and others read — messages, answers, notes, reasons, display names — made safe to show
 * before it is stored, so that what is stored, what the API answers and what every page shows are the same.
 * File names get the same treatment and more (src/files/names.ts).
 */
import { z } from 'zod';

/** Halves of a surrogate pair without the other half: not encodable in UTF-8 (they would be stored as U+FFFD). */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): `\u202Eevil.exe` shows as
 * "exe.live", and an unclosed one reorders the text after it. The marks (U+200E, U+200F, U+061C) stay: they
 * reorder nothing beyond the element the text is shown in (pages show user text with `dir="auto"`), and people
 * writing right-to-left scripts use them.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0 controls but tab and line feed, DEL, and C1 controls. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/**
 * Combining marks kept on one base character: enough for every script in everyday writing (Vietnamese, Thai,
 * Devanagari, Hebrew with points and cantillation), where "Zalgo" text stacks dozens that draw over the lines
 * around it.
 */
export const MAX_STACKED_MARKS = 4;
const STACKED_MARKS = new RegExp(`(\\p{M}{${MAX_STACKED_MARKS}})\\p{M}+`, 'gu');

/** At most MAX_STACKED_MARKS combining marks in a row (NFC first, so precomposed letters count as none). */
export function limitStackedMarks(text: string): string {
  return text.replace(STACKED_MARKS, '$1');
}

/**
 * `text` as it is stored and shown: lone surrogates become U+FFFD (as UTF-8 storage would make them), NFC, line
 * breaks as `\n` (CR LF, CR, U+2028 and U+2029 included), without control characters but tab and line feed,
 * without bidi embeddings, overrides and isolates, and with at most MAX_STACKED_MARKS combining marks in a row.
 * Not trimmed: schemas and the domain trim where they count the length. Idempotent.
 */
export function cleanText(text: string): string {
  const wellFormed = text.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC');
  return limitStackedMarks(
    wellFormed
      .replace(/\r\n?|[\u2028\u2029]/g, '\n')
      .replace(CONTROLS, '')
      .replace(BIDI_CONTROLS, ''),
  );
}

/** A request schema for user text shown to others: cleaned with cleanText before any other check (trim, length). */
export const userText = () => z.string().overwrite(cleanText);
