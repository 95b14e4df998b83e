/**
 * The languages Confide ships, and what each needs to be shown right: its name in itself (for the switcher), its
 * writing direction, and the best match for a tag a browser or a profile gives. Shared with the browser: nothing
 * Node-only here.
 *
 * Tags are BCP 47 (RFC 5646) as used in `<html lang>` and in the public paths (`/zh-CN/...`).
 */

export const LANGUAGES = ['en', 'zh-CN', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name written in itself, as a language switcher shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  'zh-CN': '简体中文',
  ar: 'العربية',
};

const RTL: ReadonlySet<string> = new Set(['ar']);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** `rtl` for Arabic, `ltr` for the others: the value of `<html dir>`. */
export function textDirection(language: Language): 'ltr' | 'rtl' {
  return RTL.has(language) ? 'rtl' : 'ltr';
}

/**
 * The shipped language a tag asks for, or null: exact match first, then by primary subtag (`zh`, `zh-Hans`,
 * `zh-Hans-CN` → `zh-CN`; `ar-EG` → `ar`; `en-GB` → `en`). Traditional Chinese (`zh-TW`, `zh-Hant`) is not Simplified
 * Chinese and gets null.
 */
export function matchLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase();
  const exact = LANGUAGES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const [primary, ...rest] = lower.split(/[-_]/);
  if (primary === 'zh')
    return rest.some((s) => s === 'hant' || s === 'tw' || s === 'hk' || s === 'mo') ? null : 'zh-CN';
  return LANGUAGES.find((l) => l === primary) ?? null;
}
