/**
 * The texts of a profile: plain text, written once (the profile's default language) or as translations
 * `{ "en": "…", "zh-CN": "…", "ar": "…" }`. Shared with the browser: nothing Node-only here.
 *
 * A profile is read once per language it publishes (see src/profiles/load.ts): each reading picks that language's
 * text out of every translated value, and reports a value without one, so no text ever falls back to another
 * language unnoticed.
 */
import { z } from 'zod';
import { LANGUAGES, type Language } from '../i18n/languages.ts';

/** Makes the schema of a text of at most `max` characters; its output is the text in one language. */
export type TextSchema = (max: number) => z.ZodType<string, unknown>;

const HTML = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

const quote = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** A plain text of at most `max` characters (code units), trimmed, not empty, without HTML. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !HTML.test(s), {
      error: (iss) =>
        `contains HTML (${quote(String(iss.input).match(HTML)?.[0])}) — texts are shown exactly as written, so remove the tags or entities`,
    });

/** `{ "en": "…", "zh-CN": "…", "ar": "…" }`: each key optional, each value a plain text. */
const translations = (max: number) =>
  z.strictObject(
    Object.fromEntries(LANGUAGES.map((language) => [language, plainText(max).optional()])) as Record<
      Language,
      z.ZodOptional<ReturnType<typeof plainText>>
    >,
  );

/**
 * Texts read in `language` of a profile whose default language is `defaultLanguage`: a plain string is the
 * default language's text; translations give `language`'s. A value without text in `language` is an issue at its
 * path: `missing the "ar" translation — add "ar": "…"`.
 */
export function textIn(language: Language, defaultLanguage: Language): TextSchema {
  return (max) =>
    z.union([plainText(max), translations(max)]).transform((value, ctx) => {
      const picked = typeof value === 'string' ? (language === defaultLanguage ? value : undefined) : value[language];
      if (picked !== undefined) return picked;
      ctx.issues.push({
        code: 'custom',
        input: value,
        message:
          typeof value === 'string'
            ? `missing the ${quote(language)} translation — write the text as translations { ${quote(defaultLanguage)}: "…", ${quote(language)}: "…" }`
            : `missing the ${quote(language)} translation — add ${quote(language)}: "…"`,
      });
      return z.NEVER;
    });
}
