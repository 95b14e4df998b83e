/**
 * Office documents: which kind a ZIP package is, from its contents (never its name), what is refused, and the
 * cleaned copy (see ooxml.ts and odf.ts for what is removed).
 *
 * | package                                                     | kind           |
 * |-------------------------------------------------------------|----------------|
 * | [Content_Types].xml names a Word, Excel or PowerPoint part  | DOCX XLSX PPTX |
 * | its first entry, `mimetype`, says ODF text or spreadsheet   | ODT ODS        |
 *
 * Refused ('failed' with a note): a damaged ZIP; a zip bomb (over 2,000 entries, or unzipping to more than
 * max(16 MiB, 20 × its size) and never more than 200 MiB, see zip.ts); a document with over 4 MiB of XML to
 * rewrite (xml.ts: parsing is synchronous and slow); a password-protected document (OOXML ones are OLE
 * compound files holding EncryptionInfo and EncryptedPackage streams, not ZIPs; ODF ones have
 * encryption-data in their manifest); a document with macros (vbaProject.bin or a macro-enabled main part;
 * ODF Basic/ or Scripts/): refused rather than passed on without them, so that staff never read a document
 * silently different from what was sent; any other ZIP, and ODF presentations and drawings.
 */
import { cleanOdf, ODF_TYPES, odfEncrypted } from './odf.ts';
import { cleanOoxml, OOXML_MACRO_TYPES, OOXML_MAIN_TYPES } from './ooxml.ts';
import { detail, refuse, type Outcome } from './outcome.ts';
import { BadXml, parseXml, XmlBudget, XmlTooLarge } from './xml.ts';
import { readZip, writeZip, type ZipEntry } from './zip.ts';

type Found =
  { format: 'ooxml' | 'odf'; mime: string } | { format: 'refused'; mime: string; reason: string } | { format: 'none' };

const utf16 = (text: string): Buffer => Buffer.from(text, 'utf16le');

/**
 * An encrypted OOXML document is an OLE compound file whose directory names these two streams (UTF-16LE).
 * @returns the refusal for one, or null for any other OLE file (old .doc, .xls…), refused as other types are
 */
export function encryptedOfficeNote(data: Buffer): Outcome | null {
  if (!data.includes(utf16('EncryptionInfo')) || !data.includes(utf16('EncryptedPackage'))) return null;
  return refuse('This Office document is password-protected, so its metadata cannot be removed');
}

function findOdf(entries: readonly ZipEntry[], budget: XmlBudget): Found {
  const mime = new TextDecoder().decode(entries[0]?.data).trim();
  if (!ODF_TYPES.has(mime)) {
    return {
      format: 'refused',
      mime,
      reason: `Metadata cannot be removed from this kind of OpenDocument file (${mime})`,
    };
  }
  if (odfEncrypted(entries, budget)) {
    return {
      format: 'refused',
      mime,
      reason: 'This document is password-protected, so its metadata cannot be removed',
    };
  }
  if (entries.some((e) => /^(Basic|Scripts)\/./.test(e.name) && !e.name.endsWith('/'))) {
    return { format: 'refused', mime, reason: 'This document contains macros (scripts), which are not passed on' };
  }
  return { format: 'odf', mime };
}

function findOoxml(types: ZipEntry, entries: readonly ZipEntry[], budget: XmlBudget): Found {
  const doc = parseXml(types.data, types.name, budget);
  const contentTypes = Array.from(doc.getElementsByTagName('Override')).map((o) => o.getAttribute('ContentType') ?? '');
  const macro = contentTypes.some((type) => OOXML_MACRO_TYPES.has(type));
  const main = contentTypes.map((type) => OOXML_MAIN_TYPES[type]).find((mime) => mime !== undefined);
  if (macro || (main && entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name)))) {
    const mime = main ?? 'application/vnd.ms-office';
    return { format: 'refused', mime, reason: 'This document contains macros, which are not passed on' };
  }
  return main ? { format: 'ooxml', mime: main } : { format: 'none' };
}

function find(entries: readonly ZipEntry[], budget: XmlBudget): Found {
  if (entries[0]?.name === 'mimetype') return findOdf(entries, budget);
  const types = entries.find((e) => e.name === '[Content_Types].xml');
  return types ? findOoxml(types, entries, budget) : { format: 'none' };
}

/**
 * @param data a ZIP archive (detected from its signature)
 * @returns the cleaned package, same type; or a refusal whose `mime` is the Office type when one was recognised
 */
export function cleanOffice(data: Buffer): Outcome {
  const read = readZip(data);
  if (!read.ok) {
    return read.reason === 'bomb'
      ? refuse(`This archive is too large to unpack safely (${read.detail})`)
      : refuse(`This archive is damaged and cannot be unpacked (${read.detail})`);
  }
  const budget = new XmlBudget();
  try {
    const found = find(read.entries, budget);
    if (found.format === 'none') {
      return refuse('Metadata could not be removed from this type of file (application/zip)');
    }
    if (found.format === 'refused') return { ...refuse(found.reason), mime: found.mime };
    const entries = found.format === 'odf' ? cleanOdf(read.entries, budget) : cleanOoxml(read.entries, budget);
    const stored = new Set(found.format === 'odf' ? ['mimetype'] : []);
    return { ok: true, data: writeZip(entries, stored), mime: found.mime, note: null };
  } catch (error) {
    if (error instanceof XmlTooLarge) return refuse(`This document is too large to clean safely (${error.message})`);
    if (!(error instanceof BadXml)) throw error;
    return refuse(`This Office document could not be read, it may be damaged (${detail(error)})`);
  }
}
