/**
 * File names chosen by reporters: made safe to store, show and offer for download. A name is only ever
 * data (never a path, never passed to a shell), but staff save files under it on every operating system.
 */
import { limitStackedMarks, LONE_SURROGATE } from '../shared/text.ts';

const MAX_BYTES = 255;
/** C0 and C1 controls, DEL, bidirectional formatting (overrides, embeddings, isolates, marks). */
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** Characters no Windows file name may hold (`"` also ends a quoted header parameter). */
const RESERVED = /[<>:"|?*]/g;
/** Device names that Windows refuses as a file name, whatever the extension. */
const DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;
const EDGES = /^[\s.]+|[\s.]+$/gu;
/** In the ASCII fallback of Content-Disposition: anything but printable ASCII, and `"`, `\`, `%`. */
const FALLBACK_UNSAFE = /[^\x20-\x7E]|["\\%]/u;
const encoder = new TextEncoder();

const utf8Length = (text: string): number => encoder.encode(text).length;

/** Cuts `text` to at most `bytes` UTF-8 bytes, between code points. */
function cutToBytes(text: string, bytes: number): string {
  let kept = '';
  let used = 0;
  for (const codePoint of text) {
    used += utf8Length(codePoint);
    if (used > bytes) break;
    kept += codePoint;
  }
  return kept;
}

/** The extension with its dot (`.tar.gz` gives `.gz`), or '' when there is none or it is implausibly long. */
function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return '';
  const extension = fileName.slice(dot);
  return utf8Length(extension) <= 16 ? extension : '';
}

/**
 * Make an untrusted file name safe to store and show: NFC-normalised; at most MAX_STACKED_MARKS combining marks
 * in a row (src/shared/text.ts); path parts removed (../../x.txt → x.txt,
 * also backslashes); control characters (C0, C1, incl. CR/LF) and bidi overrides/isolates (U+202A–U+202E,
 * U+2066–U+2069, U+200E/F, U+061C) removed; characters that Windows forbids in names (`<>:"|?*`) replaced by
 * `_`, as are a leading `-` (read as an option by shell commands) and a Windows device name (`CON`, `NUL`…);
 * trimmed of dots and white space at the ends; at most 255 UTF-8 bytes, cut at a code-point (not surrogate)
 * boundary keeping the extension; empty result → 'file'.
 */
export function safeFileName(name: string): string {
  const visible = limitStackedMarks(name.replace(LONE_SURROGATE, '').normalize('NFC').replace(INVISIBLE, ''));
  const lastPart = visible.split(/[/\\]/).at(-1) ?? '';
  let safe = lastPart.replace(RESERVED, '_').replace(EDGES, '').replace(/^-/, '_');
  if (DEVICE.test(safe)) safe = `_${safe}`;
  if (utf8Length(safe) > MAX_BYTES) {
    const extension = extensionOf(safe);
    const stem = safe.slice(0, safe.length - extension.length);
    safe = (cutToBytes(stem, MAX_BYTES - utf8Length(extension)).replace(EDGES, '') + extension).replace(EDGES, '');
  }
  return safe === '' ? 'file' : safe;
}

/**
 * `name` with the extension `extension` (with its dot) unless it already ends with one of `accepted`
 * (lower-case, with dots). A last extension of up to five letters or digits is replaced, anything else kept.
 */
export function withExtension(name: string, extension: string, accepted: readonly string[]): string {
  const current = extensionOf(name).toLowerCase();
  if (accepted.includes(current)) return name;
  const stem = /^\.[a-z0-9]{1,5}$/i.test(current) ? name.slice(0, name.length - current.length) : name;
  return safeFileName(stem + extension);
}

/** RFC 5987 attr-char: everything else is percent-encoded from UTF-8. */
function encodeRfc5987(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Content-Disposition value for a download: `attachment; filename="<ASCII fallback with unsafe chars as _>";
 * filename*=UTF-8''<RFC 5987 percent-encoding>` (RFC 6266). The name goes through `safeFileName` first; the
 * fallback, for clients without RFC 5987 support, keeps printable ASCII except `"`, `\` and `%` (which some
 * browsers decode) and puts one `_` for every other code point.
 * @see https://www.rfc-editor.org/rfc/rfc6266#appendix-D
 */
export function contentDisposition(name: string): string {
  const safe = safeFileName(name);
  const fallback = Array.from(safe, (char) => (FALLBACK_UNSAFE.test(char) ? '_' : char)).join('');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
