/**
 * PDF: metadata is removed object by object with pdf-lib, then the file is written anew (no incremental
 * update, so earlier revisions are gone). Removed: the document information dictionary (/Info: author,
 * creator, producer, dates) and the file identifier (/ID); every XMP stream (/Type /Metadata or
 * /Subtype /XML) and every /Metadata reference to one; /PieceInfo (application private data) and
 * /LastModified; author names and dates of comments (markup annotations); attached files; camera data in
 * embedded JPEG photos (see `pdf-photos.ts`); and every object no longer reachable from the catalog, such as
 * leftovers of earlier revisions, because pdf-lib writes every object still in its context.
 *
 * Not removed (content rather than metadata): form field values, digital signatures with their certificates,
 * page text. Not checked: JPEG 2000 images and inline images.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';
import { withConsoleCaptured } from './console-capture.ts';
import { detail, refuse, type Outcome } from './outcome.ts';
import { cleanEmbeddedPhotos } from './pdf-photos.ts';

const name = (value: string): PDFName => PDFName.of(value);

/** Entries that only ever hold metadata, wherever they appear. */
const METADATA_KEYS = ['Metadata', 'PieceInfo', 'LastModified'].map(name);
/** Annotation subtypes that PDF 1.7 § 12.5.6.2 calls markup: their /T is the author's name. */
const MARKUP = new Set(
  'Text FreeText Line Square Circle Polygon PolyLine Highlight Underline Squiggly StrikeOut Stamp Caret Ink FileAttachment Sound Redact'
    .split(' ')
    .map(name),
);

/** Readers look for the end-of-file marker in the last 1 KiB; without it the upload was cut off. */
function hasEndMarker(data: Buffer): boolean {
  return data.subarray(-1024).includes('%%EOF', 0, 'latin1');
}

function isXmpStream(object: PDFObject): boolean {
  if (!(object instanceof PDFStream)) return false;
  return object.dict.get(name('Type')) === name('Metadata') || object.dict.get(name('Subtype')) === name('XML');
}

/** Calls `visit` on every dictionary held directly (not by reference) in `object`, `object` included. */
function forEachDirectDict(object: PDFObject, visit: (dict: PDFDict) => void): void {
  const dict = object instanceof PDFStream ? object.dict : object;
  if (dict instanceof PDFDict) {
    visit(dict);
    for (const value of dict.values()) forEachDirectDict(value, visit);
  } else if (dict instanceof PDFArray) {
    for (const value of dict.asArray()) forEachDirectDict(value, visit);
  }
}

/** Removes metadata entries from one dictionary. @returns the number of attached files removed (0 or 1) */
function scrubDict(dict: PDFDict): number {
  for (const key of METADATA_KEYS) dict.delete(key);
  const subtype = dict.get(name('Subtype'));
  const type = dict.get(name('Type'));
  const isAnnotation = dict.has(name('Rect')) && (type === undefined || type === name('Annot'));
  if (isAnnotation) {
    dict.delete(name('M'));
    dict.delete(name('CreationDate'));
    if (subtype instanceof PDFName && MARKUP.has(subtype)) dict.delete(name('T'));
  }
  // A file specification's /EF holds the attached file itself; the now empty specification is harmless.
  if (dict.has(name('EF'))) {
    dict.delete(name('EF'));
    return 1;
  }
  return 0;
}

/** Deletes every indirect object that cannot be reached from the catalog. */
function deleteUnreachable(context: PDFContext): void {
  const reached = new Set<PDFRef>();
  const pending: PDFObject[] = [];
  if (context.trailerInfo.Root) pending.push(context.trailerInfo.Root);
  for (let object = pending.pop(); object !== undefined; object = pending.pop()) {
    if (object instanceof PDFRef) {
      if (reached.has(object)) continue;
      reached.add(object);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFStream) {
      pending.push(object.dict);
    } else if (object instanceof PDFDict) {
      for (const value of object.values()) pending.push(value);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) pending.push(value);
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reached.has(ref)) context.delete(ref);
  }
}

/** @returns the number of attached files removed */
function removeMetadata(context: PDFContext): number {
  let attachments = 0;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (isXmpStream(object)) context.delete(ref);
    else forEachDirectDict(object, (dict) => (attachments += scrubDict(dict)));
  }
  const info = context.trailerInfo.Info;
  if (info instanceof PDFRef) context.delete(info);
  context.trailerInfo.Info = undefined;
  // The file identifier is usually a hash of the original path, time and size; optional without encryption.
  context.trailerInfo.ID = undefined;
  deleteUnreachable(context);
  return attachments;
}

async function load(data: Buffer): Promise<PDFDocument | Outcome> {
  try {
    // updateMetadata: false, or pdf-lib itself writes Producer, Creator and dates into /Info. Encryption is
    // checked on the loaded document: pdf-lib's EncryptedPDFError fails `instanceof` (ES5 subclass of Error).
    const doc = await PDFDocument.load(data, { updateMetadata: false, ignoreEncryption: true });
    if (doc.isEncrypted) {
      return refuse('This PDF is password-protected (encrypted), so its metadata cannot be removed');
    }
    if (doc.getPageCount() === 0) return refuse('This PDF has no readable pages, it may be damaged');
    return doc;
  } catch (error) {
    return refuse(`This PDF could not be read, it may be damaged (${detail(error)})`);
  }
}

/**
 * @param pixelLimit decompression-bomb guard for embedded photos, width × height
 * What pdf-lib prints about a damaged file (one console line per object it cannot parse) is kept out of the process's
 * output; the number of objects left out becomes part of the note staff read.
 */
export async function cleanPdf(data: Buffer, pixelLimit: number): Promise<Outcome> {
  if (!hasEndMarker(data)) {
    return refuse('This PDF is incomplete (its end is missing), the upload may have been cut off');
  }
  const printed: string[] = [];
  const outcome = await withConsoleCaptured(
    (line) => printed.push(line),
    () => clean(data, pixelLimit),
  );
  const unreadable = printed.filter((line) => line.startsWith('Trying to parse invalid object')).length;
  if (!outcome.ok || unreadable === 0) return outcome;
  const damaged = `This PDF is damaged: ${unreadable} of its parts could not be read and may be missing from this copy; the original is kept sealed as received.`;
  return { ...outcome, note: outcome.note ? `${damaged} ${outcome.note}` : damaged };
}

async function clean(data: Buffer, pixelLimit: number): Promise<Outcome> {
  const doc = await load(data);
  if (!(doc instanceof PDFDocument)) return doc;
  try {
    const attachments = removeMetadata(doc.context);
    const photos = await cleanEmbeddedPhotos(doc.context, pixelLimit);
    if (typeof photos !== 'number') return photos;
    const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
    const notes = [
      attachments > 0 ? `Attached files removed (${attachments}); they are only in the sealed original.` : '',
      photos > 0 ? `Camera data removed from embedded photos (${photos}).` : '',
    ].filter(Boolean);
    const cleaned = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { ok: true, data: cleaned, mime: 'application/pdf', note: notes.length > 0 ? notes.join(' ') : null };
  } catch (error) {
    return refuse(`This PDF could not be cleaned, it may be damaged (${detail(error)})`);
  }
}
