/**
 * The language a public page is shown in, and everything that depends on it: the messages (locales/<language>/
 * public.json), the profile's texts in that language, the writing direction, dates and numbers (Intl, in the
 * authority's time zone), and links that keep the language.
 *
 * The language is in the path, never in a cookie: `/zh-CN/follow-up` is the follow-up page in Chinese, so a
 * shared link and a browser with JavaScript off keep it. `languagePrefix` (app.ts, `rewriteUrl`) takes the prefix
 * off before routing; a path without one is in the profile's default language.
 */
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Profile } from '../../shared/profile.ts';
import { formatBytes } from '../../shared/format.ts';
import { LANGUAGES, matchLanguage, textDirection, type Language } from '../../i18n/languages.ts';
import { readCatalogue, translate } from '../../i18n/server.ts';
import type { Translate } from '../../i18n/catalogue.ts';
import { messageTranslator } from '../../i18n/messages.ts';
import { profileIn, publishedLanguages } from '../../profiles/localize.ts';

/** Paths that are never prefixed: the staff workspace, the API and the stylesheet and script. */
const UNPREFIXED = /^\/(?:api|staff|assets)(?:\/|$)/;
const PREFIX = new RegExp(`^/(${LANGUAGES.join('|')})(?=/|\\?|$)`);

interface LanguageTagged extends IncomingMessage {
  confideLanguage?: Language;
}

/**
 * Fastify's `rewriteUrl`: `/zh-CN/follow-up?x` → `/follow-up?x`, remembering `zh-CN` on the request. Paths of the
 * API, the workspace and the assets keep any such segment (they are not pages).
 */
export function languagePrefix(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const match = PREFIX.exec(url);
  if (!match) return url;
  const rest = url.slice(match[0].length);
  const path = rest.startsWith('/') ? rest : `/${rest}`;
  if (UNPREFIXED.test(path)) return url;
  (req as LanguageTagged).confideLanguage = match[1] as Language;
  return path;
}

/** The language the path named, or null for a path without a prefix. */
export function pathLanguage(request: FastifyRequest): Language | null {
  return (request.raw as LanguageTagged).confideLanguage ?? null;
}

/** The profile's default language, as a shipped language (English when it names another). */
export function defaultLanguage(profile: Pick<Profile, 'language'> | null): Language {
  return matchLanguage(profile?.language) ?? 'en';
}

export interface Locale {
  language: Language;
  dir: 'ltr' | 'rtl';
  /** Messages of the public site in this language. */
  t: Translate;
  /** The profile with its texts in this language; null before setup. */
  profile: Profile | null;
  /** The languages a person can switch to (the profile's, else every shipped one). */
  languages: readonly Language[];
  /**
   * `path` in this language: prefixed unless it is the default language, or not a page (the API, the workspace,
   * the assets), or not an absolute path.
   */
  href(path: string): string;
  /** The date as Intl writes it in this language, in the authority's time zone: `March 15, 2024`, `2024年3月15日`. */
  date(iso: string): string;
  /** Date and time with the zone: `March 15, 2024 at 14:05 UTC`, `2024年3月15日 22:05 中国标准时间`. */
  dateTime(iso: string): string;
  number(value: number): string;
  /** A duration given in minutes, in whole hours where it is (`2 hours`, `90 minutes`). */
  hours(minutes: number): string;
  /** `100 MiB`, with the number in this language. */
  bytes(value: number): string;
  /**
   * A message the server wrote in English (an error, a validation problem, the access record) in this language,
   * through the `server` catalogue (src/i18n/messages.ts); a message it does not hold is shown as written.
   */
  msg(english: string): string;
}

let serverMessages: Readonly<Record<string, unknown>> | undefined;

/** The English messages of the `server` catalogue. */
function englishMessages(): Readonly<Record<string, unknown>> {
  serverMessages ??= readCatalogue('en', 'server');
  return serverMessages;
}

const locales = new WeakMap<object, Map<Language, Locale>>();
const NO_PROFILE = {};

/** The locale of `language` for `profile` (cached per profile and language). */
export function localeFor(profile: Profile | null, language: Language): Locale {
  const byLanguage = locales.get(profile ?? NO_PROFILE) ?? new Map<Language, Locale>();
  locales.set(profile ?? NO_PROFILE, byLanguage);
  let locale = byLanguage.get(language);
  if (!locale) {
    locale = makeLocale(profile, language);
    byLanguage.set(language, locale);
  }
  return locale;
}

/** The locale of a public request: its path's language if the profile publishes it, else the default. */
export function localeOf(request: FastifyRequest, profile: Profile | null): Locale {
  const asked = pathLanguage(request);
  const languages = profile ? publishedLanguages(profile) : LANGUAGES;
  return localeFor(profile, asked && languages.includes(asked) ? asked : defaultLanguage(profile));
}

function makeLocale(base: Profile | null, language: Language): Locale {
  const fallback = defaultLanguage(base);
  const timeZone = base?.timeZone ?? 'UTC';
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone });
  const dateTimeFormat = new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
    hourCycle: 'h23',
  });
  // "UTC", "GMT+8" are English abbreviations: other languages name the zone in words ("中国标准时间").
  const zoneName = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: language === 'en' ? 'short' : 'long' });
  const numberFormat = new Intl.NumberFormat(language);
  const valid = (iso: string): Date | null => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : date;
  };
  const t = translate(language, 'public');
  return {
    language,
    dir: textDirection(language),
    t,
    profile: base && profileIn(base, language),
    languages: base ? publishedLanguages(base) : LANGUAGES,
    href: (path) =>
      language === fallback || !path.startsWith('/') || UNPREFIXED.test(path) ? path : `/${language}${path}`,
    date: (iso) => {
      const date = valid(iso);
      return date ? dateFormat.format(date) : iso;
    },
    dateTime: (iso) => {
      const date = valid(iso);
      if (!date) return iso;
      const zone = zoneName.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
      return `${dateTimeFormat.format(date)} ${zone}`;
    },
    number: (value) => numberFormat.format(value),
    hours: (minutes) =>
      minutes % 60 === 0 ? t('layout.hours', { count: minutes / 60 }) : t('layout.minutes', { count: minutes }),
    bytes: (value) =>
      value < 1024
        ? t('layout.bytes', { count: value })
        : formatBytes(value).replace(/^[\d.]+/, (digits) => numberFormat.format(Number(digits))),
    msg:
      language === 'en'
        ? (english) => english
        : messageTranslator(englishMessages(), translate(language, 'server'), ''),
  };
}
