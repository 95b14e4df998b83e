/**
 * Metadata removal for files that reporters upload: staff see only the cleaned copy (the original is kept
 * sealed by the caller). The format is detected from the bytes; the declared type and name are not trusted.
 *
 * | detected                | done                                                   | library          |
 * |-------------------------|--------------------------------------------------------|------------------|
 * | JPEG PNG WebP GIF AVIF  | turned upright, re-encoded in the same format          | sharp            |
 * | JPEG, damaged           | what decoders still display, re-encoded (noted)        | sharp            |
 * | TIFF                    | turned upright, converted to PNG                       | sharp            |
 * | HEIC/HEIF (HEVC)        | decoded, converted to JPEG                             | heic-decode      |
 * | PDF                     | metadata objects removed, file written anew            | pdf-lib          |
 * | DOCX XLSX PPTX ODT ODS  | authors, editors, company, revision and comment        | fflate,          |
 * | (a ZIP, by its content) | authors, custom properties, thumbnails, printer        | @xmldom/xmldom   |
 * |                         | settings, dates removed; package written anew          | (see office.ts)  |
 * | plain UTF-8 text        | passed on unchanged                                    | —                |
 * | audio, video            | refused ('failed'): only the sealed original is kept   | —                |
 * | anything else           | refused ('failed')                                     | —                |
 *
 * Never throws for bad input: damaged, truncated, encrypted or oversized files give 'failed' with a note; so do
 * Office documents with macros, zip bombs and other ZIP archives (see office.ts for the bounds).
 */
import { isUtf8 } from 'node:buffer';
import { detect, TEXT_WITH_METADATA, type Detected } from './detect.ts';
import { cleanHeic } from './heic.ts';
import { cleanImage } from './image.ts';
import { cleanOffice, encryptedOfficeNote } from './office.ts';
import { safeFileName, withExtension } from './names.ts';
import type { Outcome } from './outcome.ts';
import { cleanPdf } from './pdf.ts';

export type CleaningStatus = 'cleaned' | 'unchanged' | 'failed';

export interface CleanInput {
  name: string;
  /** as declared by the browser, untrusted */
  type: string;
  data: Buffer;
}

export interface CleanResult {
  /** cleaned: metadata removed into `data`; unchanged: a format with no metadata (plain text); failed: could not be cleaned, `data` absent */
  status: CleaningStatus;
  data?: Buffer;
  /** MIME type of `data` as detected from the bytes (not the declared type); of the input when failed */
  type: string;
  /** file name for the cleaned copy, made safe (extension changed when the format changed, e.g. .heic → .jpg) */
  name: string;
  /** plain-words reason shown to staff when failed, or what was done (e.g. 'HEIC converted to JPEG') */
  note: string | null;
}

export interface CleanOptions {
  /** Decompression-bomb guard: images (and photos inside PDFs) above width × height pixels are refused. */
  pixelLimit?: number;
}

export const DEFAULT_PIXEL_LIMIT = 100_000_000;

const TEXT_EXTENSIONS = ['.txt', '.csv', '.md'];
const TEXT_TYPES = ['text/plain', 'text/csv', 'text/markdown'];

/** Accepted extensions of each output type; the first is the one given when the name has none of them. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'image/jpeg': ['.jpg', '.jpeg', '.jpe', '.jfif'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/gif': ['.gif'],
  'image/avif': ['.avif'],
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['.ods'],
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

function declaredText(input: CleanInput, name: string): boolean {
  const declared = input.type.split(';')[0]?.trim().toLowerCase() ?? '';
  return TEXT_TYPES.includes(declared) || TEXT_EXTENSIONS.includes(extensionOf(name));
}

/**
 * Plain text has no metadata: UTF-8 without NUL bytes, declared as text or named as text. Binary formats are
 * never valid UTF-8 without NUL bytes, but text may start like one ('BMW…' like a BMP image).
 */
function cleanText(input: CleanInput, name: string, detected: Detected): CleanResult | null {
  if (detected.kind !== 'other' || TEXT_WITH_METADATA.has(detected.mime) || !declaredText(input, name)) return null;
  if (!isUtf8(input.data) || input.data.includes(0)) {
    const note = 'This text file is not plain UTF-8 text; the original is kept sealed.';
    return { status: 'failed', type: detected.mime, name, note };
  }
  return { status: 'unchanged', data: input.data, type: 'text/plain', name, note: null };
}

async function clean(data: Buffer, detected: Detected, pixelLimit: number): Promise<Outcome> {
  switch (detected.kind) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
    case 'tiff':
    case 'avif':
      return cleanImage(data, detected.kind, pixelLimit);
    case 'heic':
      return cleanHeic(data, pixelLimit);
    case 'pdf':
      return cleanPdf(data, pixelLimit);
    case 'zip':
      return cleanOffice(data);
    case 'other': {
      const encrypted = detected.mime === 'application/x-ole-storage' ? encryptedOfficeNote(data) : null;
      if (encrypted) return encrypted;
      return {
        ok: false,
        note: `Metadata could not be removed from this type of file (${detected.mime}); the original is kept sealed.`,
      };
    }
  }
}

/**
 * Removes identifying metadata from one uploaded file.
 * @param input the upload; `data` is not modified, and is returned as is for plain text
 * @returns never rejects for bad input; see `CleanResult`
 */
export async function cleanFile(input: CleanInput, options: CleanOptions = {}): Promise<CleanResult> {
  const { pixelLimit = DEFAULT_PIXEL_LIMIT } = options;
  const name = safeFileName(input.name);
  if (input.data.length === 0) {
    return { status: 'failed', type: 'application/octet-stream', name, note: 'The file is empty.' };
  }
  const detected = detect(input.data);
  const text = cleanText(input, name, detected);
  if (text) return text;
  const outcome = await clean(input.data, detected, pixelLimit);
  if (!outcome.ok) return { status: 'failed', type: outcome.mime ?? detected.mime, name, note: outcome.note };
  const extensions = EXTENSIONS[outcome.mime] ?? [];
  const cleanedName = extensions[0] ? withExtension(name, extensions[0], extensions) : name;
  return { status: 'cleaned', data: outcome.data, type: outcome.mime, name: cleanedName, note: outcome.note };
}
