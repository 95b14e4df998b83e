/**
 * The message catalogues: one JSON file per language per surface under `locales/<language>/<surface>.json`,
 * written in ICU MessageFormat (`{count, plural, one {# file} other {# files}}`, `{date}`), nested by screen.
 *
 * Surfaces: `public` (the server-rendered reporter site), `workspace` (the staff workspace, bundled into the
 * browser), `documents` (PDFs), `mail` (notices and replies sent by e-mail), `server` (messages the server writes
 * in English — errors, the access record, a case's history — by their English text: src/i18n/messages.ts; read by
 * the public pages and bundled into the workspace). test/i18n-catalogues.test.ts fails on
 * a key missing in any language, a key used in code that no catalogue has, and a message that does not parse.
 */
import i18next, { type i18n, type Module, type Resource } from 'i18next';
import ICU from 'i18next-icu';
import { LANGUAGES, type Language } from './languages.ts';

export const SURFACES = ['public', 'workspace', 'documents', 'mail', 'server'] as const;
export type Surface = (typeof SURFACES)[number];

/** A nested catalogue as read from JSON. */
export interface Catalogue {
  [key: string]: string | Catalogue;
}

/** `(key, values) => text`: the message for `key` (dots separate levels) in one language, values filled in. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * An i18next instance over the given catalogues, initialised synchronously. A key missing in one language falls
 * back to English (never to the key itself, which would show a code to a reporter); the catalogue test keeps that
 * from shipping.
 * @param plugins further i18next modules (react-i18next in the workspace)
 * @param catalogues `{ en: { public: {...} }, 'zh-CN': {...}, ar: {...} }`
 */
export function createI18n(
  catalogues: Readonly<Record<Language, Readonly<Record<string, Catalogue>>>>,
  plugins: readonly Module[] = [],
): i18n {
  const instance = i18next.createInstance().use(ICU);
  for (const plugin of plugins) instance.use(plugin);
  void instance.init({
    resources: catalogues as unknown as Resource,
    supportedLngs: [...LANGUAGES],
    lng: 'en',
    fallbackLng: 'en',
    // Tags are used exactly as shipped: 'zh-CN' must not be looked up as 'zh'.
    load: 'currentOnly',
    initAsync: false,
    returnNull: false,
    // An empty message is deliberate (the rest of a sentence around a link may be empty in one language).
    returnEmptyString: true,
    // Pages escape what they show (src/server/public/html.ts), React does in the workspace.
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  return instance;
}

/** The Translate function of one language and surface. */
export function translatorOf(instance: i18n, language: Language, surface: string): Translate {
  const fixed = instance.getFixedT(language, surface);
  return (key, values) => fixed(key, values as never) as unknown as string;
}
