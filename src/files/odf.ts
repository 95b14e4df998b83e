/**
 * Metadata removal from OpenDocument packages (ODT, ODS), after mat2's libmat2/office.py (LibreOfficeParser).
 *
 * Removed: Thumbnails/* (first-page picture) and META-INF signatures (the signer's certificate), with their
 * META-INF/manifest.xml entries. meta.xml keeps only title, language and document statistics (creator, initial
 * creator, dates, editing time and cycles, template, generator, printed-by, user-defined properties… go). In
 * content.xml and styles.xml, the dc:creator, dc:date and meta:creator-initials of annotations (comments) and of
 * tracked changes go, and so do officeooo:rsid attributes. settings.xml loses the printer name and settings and
 * the Rsid items. The `mimetype` entry is written first and stored, as the format requires.
 */
import type { Element } from '@xmldom/xmldom';
import { allElements, mentions, parseXml, removeElement, serializeXml, type XmlBudget } from './xml.ts';
import type { ZipEntry } from './zip.ts';

const DC = 'http://purl.org/dc/elements/1.1/';
const META = 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0';
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const MANIFEST = 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0';

/** `mimetype` contents accepted, each the type of the cleaned copy. */
export const ODF_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]);

const DROPPED = [/^Thumbnails\//, /^META-INF\/.*signatures.*\.xml$/i];
const META_KEPT = new Set(['title', 'language', 'document-statistic']);
const SETTINGS_REMOVED = new Set(['PrinterName', 'PrinterSetup', 'PrinterPaperFromSetup', 'Rsid', 'RsidRoot']);

/** Whether the manifest says that some entry is encrypted (a password-protected document). */
export function odfEncrypted(entries: readonly ZipEntry[], budget: XmlBudget): boolean {
  const manifest = entries.find((e) => e.name === 'META-INF/manifest.xml');
  if (!manifest) return false;
  return parseXml(manifest.data, manifest.name, budget).getElementsByTagNameNS(MANIFEST, 'encryption-data').length > 0;
}

function cleanMeta(data: Uint8Array, budget: XmlBudget): Uint8Array {
  const doc = parseXml(data, 'meta.xml', budget);
  const meta = doc.getElementsByTagNameNS(OFFICE, 'meta')[0];
  if (!meta) return data;
  for (const child of Array.from(meta.childNodes)) {
    if (child.nodeType === child.ELEMENT_NODE && !META_KEPT.has((child as Element).localName ?? '')) {
      meta.removeChild(child);
    }
  }
  return serializeXml(doc);
}

function cleanBody(name: string, data: Uint8Array, budget: XmlBudget): Uint8Array {
  if (!mentions(data, ['creator', 'date', 'rsid'])) return data;
  const doc = parseXml(data, name, budget);
  let changed = false;
  for (const element of allElements(doc)) {
    const ns = element.namespaceURI;
    const local = element.localName ?? '';
    if ((ns === DC && (local === 'creator' || local === 'date')) || (ns === META && local === 'creator-initials')) {
      removeElement(element);
      changed = true;
      continue;
    }
    for (const attribute of Array.from(element.attributes)) {
      if (/rsid$/.test(attribute.localName ?? '')) {
        element.removeAttributeNode(attribute);
        changed = true;
      }
    }
  }
  return changed ? serializeXml(doc) : data;
}

function cleanSettings(data: Uint8Array, budget: XmlBudget): Uint8Array {
  const doc = parseXml(data, 'settings.xml', budget);
  let changed = false;
  for (const item of allElements(doc)) {
    if (item.localName === 'config-item' && SETTINGS_REMOVED.has(item.getAttribute('config:name') ?? '')) {
      removeElement(item);
      changed = true;
    }
  }
  return changed ? serializeXml(doc) : data;
}

/** Drops the manifest entries of removed files, and of folders (`Thumbnails/`) left with nothing in them. */
function cleanManifest(
  data: Uint8Array,
  dropped: ReadonlySet<string>,
  kept: readonly string[],
  budget: XmlBudget,
): Uint8Array {
  const doc = parseXml(data, 'META-INF/manifest.xml', budget);
  let changed = false;
  for (const entry of Array.from(doc.getElementsByTagNameNS(MANIFEST, 'file-entry'))) {
    const path = entry.getAttributeNS(MANIFEST, 'full-path') ?? '';
    const emptied =
      path.endsWith('/') &&
      [...dropped].some((name) => name.startsWith(path)) &&
      !kept.some((name) => name.startsWith(path));
    if (dropped.has(path) || emptied) {
      removeElement(entry);
      changed = true;
    }
  }
  return changed ? serializeXml(doc) : data;
}

/**
 * @param entries the package, `mimetype` among them
 * @returns the cleaned entries, `mimetype` first, then the others in their order
 * @param budget the XML this document may have parsed
 * @throws BadXml when a part that has to be read is not well-formed; XmlTooLarge past `budget`
 */
export function cleanOdf(entries: readonly ZipEntry[], budget: XmlBudget): ZipEntry[] {
  const dropped = new Set(entries.filter((e) => DROPPED.some((p) => p.test(e.name))).map((e) => e.name));
  const kept = entries.filter((e) => !dropped.has(e.name));
  const keptNames = kept.map((e) => e.name);
  const mimetype = kept.filter((e) => e.name === 'mimetype');
  const cleaned = kept
    .filter((e) => e.name !== 'mimetype')
    .map(({ name, data }) => {
      if (/(^|\/)meta\.xml$/.test(name)) return { name, data: cleanMeta(data, budget) };
      if (name === 'settings.xml') return { name, data: cleanSettings(data, budget) };
      if (name === 'META-INF/manifest.xml') return { name, data: cleanManifest(data, dropped, keptNames, budget) };
      if (/(^|\/)(content|styles)\.xml$/.test(name)) return { name, data: cleanBody(name, data, budget) };
      return { name, data };
    });
  return [...mimetype, ...cleaned];
}
