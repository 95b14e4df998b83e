/**
 * XML parts of Office packages, read and written with @xmldom/xmldom. A part with a DTD is refused (OOXML and
 * OpenDocument have none; a DTD is how entity-expansion bombs get in), and so is any part that does not parse.
 */
import { DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';

export class BadXml extends Error {}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** @throws BadXml when `data` has a DTD or is not well-formed XML */
export function parseXml(data: Uint8Array, name: string): Document {
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
