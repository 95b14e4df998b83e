/**
 * XML parts of Office packages, read and written with @xmldom/xmldom. A part with a DTD is refused (OOXML and
 * OpenDocument have none; a DTD is how entity-expansion bombs get in), and so is any part that does not parse.
 */
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';

export class BadXml extends Error {}

/** Too much XML to rewrite in one document; see `XmlBudget`. */
export class XmlTooLarge extends Error {}

/**
 * Bytes of XML that one document may have parsed. xmldom builds the whole tree synchronously, on the event loop:
 * a DOCX with 7 MiB of document.xml took 17.6 s and 584 MiB of memory (peak RSS) to clean on the shared 2-core
 * development machine. A package is refused beyond `MAX_PARSED_XML_BYTES` (4 MiB, several hundred pages of
 * text) rather than hold the server longer; parts with nothing to remove are not parsed and do not count.
 */
export const MAX_PARSED_XML_BYTES = 4 * 1024 * 1024;

export class XmlBudget {
  private spent = 0;
  constructor(readonly limit = MAX_PARSED_XML_BYTES) {}

  /** @throws XmlTooLarge when `bytes` more would go past the limit */
  spend(bytes: number): void {
    this.spent += bytes;
    if (this.spent > this.limit) throw new XmlTooLarge(`over ${this.limit / 1024 / 1024} MiB of XML to rewrite`);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * @param budget charged with `data`'s length first
 * @throws BadXml when `data` has a DTD or is not well-formed XML; XmlTooLarge past the budget
 */
export function parseXml(data: Uint8Array, name: string, budget: XmlBudget): Document {
  budget.spend(data.length);
  const text = decoder.decode(data);
  if (/<!DOCTYPE/i.test(text)) throw new BadXml(`${name} declares a DTD`);
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new BadXml(`${name}: ${message}`);
    },
  });
  try {
    return parser.parseFromString(text, 'text/xml');
  } catch (error) {
    if (error instanceof BadXml) throw error;
    throw new BadXml(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Whether the text of `data` contains any of `needles` (a cheap test before parsing). */
export function mentions(data: Uint8Array, needles: readonly string[]): boolean {
  const text = decoder.decode(data);
  return needles.some((needle) => text.includes(needle));
}

export function serializeXml(doc: Document): Uint8Array {
  return new TextEncoder().encode(new XMLSerializer().serializeToString(doc));
}

/** Every element of `doc`, in document order (a snapshot: removing elements while iterating is safe). */
export function allElements(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagName('*'));
}

/** Removes `element` from its parent. */
export function removeElement(element: Element): void {
  element.parentNode?.removeChild(element);
}

/** Replaces the content of `element` with nothing (keeps the element, as schemas that require it want). */
export function emptyElement(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}
