/**
 * Metadata removal from Office Open XML packages (DOCX, XLSX, PPTX), after mat2's libmat2/office.py.
 *
 * Parts removed, with every relationship to them, their [Content_Types].xml override and every r:id that
 * pointed at them: docProps/custom.xml (custom properties), docProps/thumbnail.* (first-page picture),
 * word|xl|ppt/printerSettings/* (printer name and driver settings), _xmlsignatures/* (the signer's certificate); also the relationship to
 * the attached template (its path names the user's folder).
 * Parts rewritten: docProps/core.xml keeps only title and language (author, last editor, dates, revision,
 * description, keywords… go); docProps/app.xml keeps only counts (company, manager, template, editing time,
 * application and version go). In every XML part: revision and comment authors become '' (the attribute is
 * required by the schema), their w:date / dT / p:cm dt go, w:rsid* attributes and w:rsids go, w:attachedTemplate and
 * w:docVars go, Excel comment <author>s become '', people/person/commentAuthors names and user ids become '',
 * and Excel's absPath (the folder the workbook was saved in) and fileSharing (user name) go.
 * Tracked changes and comments themselves are kept: they are the reporter's content, only who and when go.
 */
import type { Element } from '@xmldom/xmldom';
import { allElements, emptyElement, mentions, parseXml, removeElement, serializeXml, type XmlBudget } from './xml.ts';
import type { ZipEntry } from './zip.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SPREADSHEET = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Main-part content types, each with the type of the cleaned copy. */
export const OOXML_MAIN_TYPES: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml':
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml':
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml':
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** Main-part content types of documents with macros (refused). */
export const OOXML_MACRO_TYPES: ReadonlySet<string> = new Set([
  'application/vnd.ms-word.document.macroEnabled.main+xml',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
  'application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml',
  'application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml',
]);

const DROPPED_PARTS = [
  /^docProps\/custom\.xml$/i,
  /^docProps\/thumbnail\.[^/]+$/i,
  /^(word|xl|ppt)\/printerSettings\//i,
  /^_xmlsignatures\//i,
];
/** Relationship types whose targets are dropped wherever they are. */
const DROPPED_RELATIONSHIPS = [
  /\/custom-properties$/,
  /\/metadata\/thumbnail$/,
  /\/printerSettings$/,
  /\/digital-signature\//,
];
/** Relationships removed even when external: the template's path names the user's folder. */
const REMOVED_RELATIONSHIPS = [/\/attachedTemplate$/];

const CORE_KEPT = new Set(['title', 'language']);
const APP_KEPT = new Set([
  'Pages',
  'Words',
  'Characters',
  'CharactersWithSpaces',
  'Lines',
  'Paragraphs',
  'Slides',
  'Notes',
  'HiddenSlides',
  'MMClips',
  'ScaleCrop',
  'LinksUpToDate',
  'SharedDoc',
  'HyperlinksChanged',
  'DocSecurity',
  'PresentationFormat',
]);
/** Attributes naming a person on any element (revisions, comments): required by their schemas, so emptied. */
const PERSON_ATTRIBUTES = new Set(['author', 'initials']);
/** Elements that describe a person (people.xml, persons, PowerPoint comment authors), with the attributes emptied. */
const PERSON_ELEMENTS = new Set(['person', 'presenceInfo', 'author', 'cmAuthor']);
const PERSON_ELEMENT_ATTRIBUTES = new Set(['name', 'initials', 'displayName', 'userId', 'providerId']);
const REMOVED_ELEMENTS = new Set(['rsids', 'attachedTemplate', 'docVars', 'absPath', 'fileSharing']);

/** `word/_rels/document.xml.rels` → `word/document.xml`; `_rels/.rels` → '' (the package). */
function sourceOfRels(name: string): string {
  return name.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
}

/** Resolves a relationship target against its source part, as a package part name without the leading '/'. */
function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.join('/');
}

interface Package {
  budget: XmlBudget;
  entries: Map<string, Uint8Array>;
  /** lower-cased names of parts to remove */
  dropped: Set<string>;
  /** removed relationship ids by source part */
  removedIds: Map<string, Set<string>>;
}

function relationships(
  pkg: Package,
  name: string,
  data: Uint8Array,
): { doc: ReturnType<typeof parseXml>; rels: Element[] } {
  const doc = parseXml(data, name, pkg.budget);
  return { doc, rels: Array.from(doc.getElementsByTagName('Relationship')) };
}

function collectDropped(pkg: Package): void {
  for (const name of pkg.entries.keys()) {
    if (DROPPED_PARTS.some((pattern) => pattern.test(name))) pkg.dropped.add(name.toLowerCase());
  }
  for (const [name, data] of pkg.entries) {
    if (!name.endsWith('.rels')) continue;
    for (const rel of relationships(pkg, name, data).rels) {
      const type = rel.getAttribute('Type') ?? '';
      if (rel.getAttribute('TargetMode') === 'External') continue;
      if (DROPPED_RELATIONSHIPS.some((pattern) => pattern.test(type))) {
        pkg.dropped.add(resolveTarget(sourceOfRels(name), rel.getAttribute('Target') ?? '').toLowerCase());
      }
    }
  }
}

function cleanRels(pkg: Package, name: string, data: Uint8Array): Uint8Array {
  const source = sourceOfRels(name);
  const { doc, rels } = relationships(pkg, name, data);
  let changed = false;
  for (const rel of rels) {
    const removed = REMOVED_RELATIONSHIPS.some((pattern) => pattern.test(rel.getAttribute('Type') ?? ''));
    const external = rel.getAttribute('TargetMode') === 'External';
    const target = resolveTarget(source, rel.getAttribute('Target') ?? '').toLowerCase();
    if (!removed && (external || !pkg.dropped.has(target))) continue;
    removeElement(rel);
    changed = true;
    const ids = pkg.removedIds.get(source) ?? new Set<string>();
    ids.add(rel.getAttribute('Id') ?? '');
    pkg.removedIds.set(source, ids);
  }
  return changed ? serializeXml(doc) : data;
}

function cleanContentTypes(pkg: Package, data: Uint8Array): Uint8Array {
  const doc = parseXml(data, '[Content_Types].xml', pkg.budget);
  let changed = false;
  for (const override of Array.from(doc.getElementsByTagName('Override'))) {
    const part = (override.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase();
    if (pkg.dropped.has(part)) {
      removeElement(override);
      changed = true;
    }
  }
  return changed ? serializeXml(doc) : data;
}

/** Removes the children of the root element whose local names `keep` does not hold. */
function keepOnly(root: Element, keep: ReadonlySet<string>): boolean {
  let changed = false;
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeType === child.ELEMENT_NODE && !keep.has((child as Element).localName ?? '')) {
      root.removeChild(child);
      changed = true;
    }
  }
  return changed;
}

/** Scrubs one element's attributes; @returns whether anything changed */
function scrubAttributes(element: Element, removedIds: ReadonlySet<string>): boolean {
  let changed = false;
  const local = element.localName ?? '';
  for (const attribute of Array.from(element.attributes)) {
    const name = attribute.localName ?? attribute.name;
    const remove =
      /^rsid/.test(name) ||
      (name === 'date' && attribute.namespaceURI === W) ||
      name === 'dT' ||
      (name === 'dt' && local === 'cm') ||
      (attribute.namespaceURI === R && removedIds.has(attribute.value));
    if (remove) {
      element.removeAttributeNode(attribute);
      changed = true;
    } else if (
      (PERSON_ATTRIBUTES.has(name) || (PERSON_ELEMENTS.has(local) && PERSON_ELEMENT_ATTRIBUTES.has(name))) &&
      attribute.value !== ''
    ) {
      element.setAttributeNS(attribute.namespaceURI, attribute.name, '');
      changed = true;
    }
  }
  return changed;
}

/**
 * Text whose absence from a part means there is nothing in it to remove (see `cleanPart`): the names of the
 * attributes and elements removed or emptied, without quotes or '=' so that any XML spelling matches.
 */
const MENTIONS = [
  'rsid',
  'author',
  'Author',
  'initials',
  'date',
  'dT',
  'dt',
  'userId',
  'providerId',
  'displayName',
  ...REMOVED_ELEMENTS,
];

function cleanPart(pkg: Package, name: string, data: Uint8Array): Uint8Array {
  const removedIds = pkg.removedIds.get(name) ?? new Set<string>();
  const always = name === 'docProps/core.xml' || name === 'docProps/app.xml';
  if (!always && !mentions(data, [...MENTIONS, ...removedIds])) return data;
  const doc = parseXml(data, name, pkg.budget);
  const root = doc.documentElement;
  if (!root) return data;
  let changed = false;
  if (name === 'docProps/core.xml') changed = keepOnly(root, CORE_KEPT);
  if (name === 'docProps/app.xml') changed = keepOnly(root, APP_KEPT);
  for (const element of allElements(doc)) {
    const local = element.localName ?? '';
    if (REMOVED_ELEMENTS.has(local)) {
      removeElement(element);
      changed = true;
      continue;
    }
    if (local === 'author' && element.namespaceURI === SPREADSHEET && element.firstChild) {
      emptyElement(element);
      changed = true;
    }
    if (scrubAttributes(element, removedIds)) changed = true;
  }
  return changed ? serializeXml(doc) : data;
}

/**
 * @param entries the package, in its order; `[Content_Types].xml` must be among them
 * @returns the cleaned package's entries in the same order, dropped parts left out
 * @param budget the XML this document may have parsed
 * @throws BadXml when a part that has to be read is not well-formed; XmlTooLarge past `budget`
 */
export function cleanOoxml(entries: readonly ZipEntry[], budget: XmlBudget): ZipEntry[] {
  const pkg: Package = {
    budget,
    entries: new Map(entries.map((e) => [e.name, e.data])),
    dropped: new Set(),
    removedIds: new Map(),
  };
  collectDropped(pkg);
  const kept = entries.filter((entry) => !pkg.dropped.has(entry.name.toLowerCase()));
  // Relationships first: they say which r:ids the other parts must forget.
  const rels = new Map(
    kept.filter((e) => e.name.endsWith('.rels')).map((e) => [e.name, cleanRels(pkg, e.name, e.data)]),
  );
  return kept.map(({ name, data }) => {
    if (rels.has(name)) return { name, data: rels.get(name) ?? data };
    if (name === '[Content_Types].xml') return { name, data: cleanContentTypes(pkg, data) };
    if (/\.xml$/i.test(name)) return { name, data: cleanPart(pkg, name, data) };
    return { name, data };
  });
}
