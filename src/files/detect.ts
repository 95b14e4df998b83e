/**
 * What a file really is, from its first bytes (magic numbers). The declared MIME type and the file name come
 * from the reporter's browser and are never trusted for this.
 */

/** Formats that cleaning handles; everything else is `other` and is refused with its MIME type in the note. */
export type Kind = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif' | 'heic' | 'pdf' | 'zip' | 'other';

export interface Detected {
  kind: Kind;
  /** MIME type of the input as detected; `application/octet-stream` when unknown. */
  mime: string;
}

const MIME: Record<Exclude<Kind, 'other'>, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tiff: 'image/tiff',
  avif: 'image/avif',
  heic: 'image/heic',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

/**
 * Text formats that carry metadata of their own (RTF's \info, HTML's <meta>, RDF in SVG and XML): never
 * passed on as plain text, whatever their name.
 */
export const TEXT_WITH_METADATA: ReadonlySet<string> = new Set([
  'application/rtf',
  'text/html',
  'image/svg+xml',
  'application/xml',
]);

/**
 * Signatures of formats that are refused, only so that the note can name the type. Some are printable ASCII
 * ('BM', 'ID3'…): a UTF-8 text file that happens to start so is still plain text (see `cleanFile`).
 */
const OTHER_SIGNATURES: readonly [offset: number, bytes: string, mime: string][] = [
  [0, '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1', 'application/x-ole-storage'],
  [0, '\x1F\x8B', 'application/gzip'],
  [0, '7z\xBC\xAF\x27\x1C', 'application/x-7z-compressed'],
  [0, 'Rar!\x1A\x07', 'application/vnd.rar'],
  [0, '{\\rtf', 'application/rtf'],
  [0, 'BM', 'image/bmp'],
  [0, '\x00\x00\x01\x00', 'image/x-icon'],
  [0, '8BPS', 'image/vnd.adobe.photoshop'],
  [0, '\xFF\x0A', 'image/jxl'],
  [0, '\x00\x00\x00\x0CJXL \x0D\x0A\x87\x0A', 'image/jxl'],
  [0, 'ID3', 'audio/mpeg'],
  [0, 'OggS', 'audio/ogg'],
  [0, 'fLaC', 'audio/flac'],
  [0, '\x1A\x45\xDF\xA3', 'video/x-matroska'],
  [8, 'WAVE', 'audio/wav'],
  [8, 'AVI ', 'video/x-msvideo'],
];

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** Generic HEIF brands: the compatible brands tell AVIF (AV1) from HEIC (HEVC). */
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

function startsWith(data: Buffer, offset: number, bytes: string): boolean {
  if (data.length < offset + bytes.length) return false;
  for (let i = 0; i < bytes.length; i += 1) {
    if (data[offset + i] !== bytes.charCodeAt(i)) return false;
  }
  return true;
}

/** ISO base media file (HEIF, AVIF, MP4, MOV…): `size 'ftyp' major minor compatible*`. */
function detectFtyp(data: Buffer): Detected {
  const boxSize = Math.min(data.readUInt32BE(0), data.length, 4096);
  const major = data.toString('latin1', 8, 12);
  const brands = [major];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(data.toString('latin1', at, at + 4));
  if (AVIF_BRANDS.has(major)) return { kind: 'avif', mime: MIME.avif };
  if (HEIC_BRANDS.has(major)) return { kind: 'heic', mime: MIME.heic };
  if (HEIF_BRANDS.has(major)) {
    if (brands.some((b) => AVIF_BRANDS.has(b))) return { kind: 'avif', mime: MIME.avif };
    return { kind: 'heic', mime: major === 'msf1' ? 'image/heif-sequence' : 'image/heif' };
  }
  if (major === 'qt  ') return { kind: 'other', mime: 'video/quicktime' };
  if (major.startsWith('M4A') || major.startsWith('M4B')) return { kind: 'other', mime: 'audio/mp4' };
  if (major.startsWith('3g')) return { kind: 'other', mime: 'video/3gpp' };
  if (/^(iso|mp4|avc|M4V|dash|mmp4|f4v)/.test(major)) return { kind: 'other', mime: 'video/mp4' };
  return { kind: 'other', mime: 'application/octet-stream' };
}

/** Markup carries its own metadata (`<meta>`, RDF) and may run scripts: never passed on as plain text. */
function detectMarkup(data: Buffer): string | null {
  const head = data
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<?xml')) return head.includes('<svg') ? 'image/svg+xml' : 'application/xml';
  if (head.startsWith('<svg')) return 'image/svg+xml';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'text/html';
  return null;
}

/** Detects the format of `data` from its first bytes. Plain text is not decided here (see `isPlainText`). */
export function detect(data: Buffer): Detected {
  if (startsWith(data, 0, '\xFF\xD8\xFF')) return { kind: 'jpeg', mime: MIME.jpeg };
  if (startsWith(data, 0, '\x89PNG\r\n\x1A\n')) return { kind: 'png', mime: MIME.png };
  if (startsWith(data, 0, 'GIF87a') || startsWith(data, 0, 'GIF89a')) return { kind: 'gif', mime: MIME.gif };
  if (startsWith(data, 0, 'RIFF') && startsWith(data, 8, 'WEBP')) return { kind: 'webp', mime: MIME.webp };
  if (['II*\x00', 'MM\x00*', 'II+\x00', 'MM\x00+'].some((sig) => startsWith(data, 0, sig))) {
    return { kind: 'tiff', mime: MIME.tiff };
  }
  if (startsWith(data, 4, 'ftyp') && data.length >= 12) return detectFtyp(data);
  // Office documents are ZIP packages; which kind (if any) is decided from their contents (office.ts).
  if (startsWith(data, 0, 'PK\x03\x04') || startsWith(data, 0, 'PK\x05\x06')) return { kind: 'zip', mime: MIME.zip };
  // A PDF header may follow up to 1 KiB of junk; readers (and pdf-lib) accept that.
  if (data.subarray(0, 1024).includes('%PDF-', 0, 'latin1')) return { kind: 'pdf', mime: MIME.pdf };
  for (const [offset, bytes, mime] of OTHER_SIGNATURES) {
    if (startsWith(data, offset, bytes)) return { kind: 'other', mime };
  }
  const markup = detectMarkup(data);
  if (markup) return { kind: 'other', mime: markup };
  return { kind: 'other', mime: 'application/octet-stream' };
}
