/**
 * The catalogues of the server side (public pages, PDFs, mail), loaded once, and `translate(language, surface)`.
 * The workspace's catalogues are bundled into the browser from src/web/i18n.ts instead.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createI18n, translatorOf, type Catalogue, type Translate } from './catalogue.ts';
import { LANGUAGES, type Language } from './languages.ts';

export type ServerSurface = 'public' | 'documents' | 'mail' | 'server';
const SERVER_SURFACES: readonly ServerSurface[] = ['public', 'documents', 'mail', 'server'];
const LOCALES = fileURLToPath(new URL('../../locales/', import.meta.url));

/** locales/<language>/<surface>.json, parsed. */
export function readCatalogue(language: Language, surface: string): Catalogue {
  return JSON.parse(readFileSync(`${LOCALES}${language}/${surface}.json`, 'utf8')) as Catalogue;
}

let instance: ReturnType<typeof createI18n> | undefined;
const cache = new Map<string, Translate>();

/** The Translate function for `surface` in `language`. */
export function translate(language: Language, surface: ServerSurface): Translate {
  const key = `${language}/${surface}`;
  let t = cache.get(key);
  if (!t) {
    instance ??= createI18n(
      Object.fromEntries(
        LANGUAGES.map((l) => [l, Object.fromEntries(SERVER_SURFACES.map((s) => [s, readCatalogue(l, s)]))]),
      ) as Record<Language, Record<string, Catalogue>>,
    );
    t = translatorOf(instance, language, surface);
    cache.set(key, t);
  }
  return t;
}
