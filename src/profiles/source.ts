/**
 * Validates a profile source held in memory — profile.json with a `categories` array, as the files hold it and as
 * the administration keeps its versions in the database — with the profile schema, in each language it publishes.
 * loadProfile (./load.ts) maps the issues back to files; the administration shows them as JSON paths.
 */
import type { z } from 'zod';
import { isLanguage, type Language } from '../i18n/languages.ts';
import { profileReaderIn, type Profile } from '../shared/profile.ts';
import { profileIssueMessage } from './issues.ts';
import { publishedLanguages, rememberTranslations } from './localize.ts';

/** A problem in a source: the path of the value at fault (segments) and what is wrong and how to fix it. */
export interface SourceIssue {
  path: readonly PropertyKey[];
  message: string;
}

export type SourceReading = { ok: true; profile: Profile } | { ok: false; issues: SourceIssue[] };

/**
 * The profile `source` describes, in its default language and deeply frozen (profileIn gives the others), or every
 * problem found. A text missing its translation into one of `languages` is a problem of that language's path.
 */
export function readProfileSource(source: unknown): SourceReading {
  if (!isObject(source)) return { ok: false, issues: [{ path: [], message: 'expected an object { … }' }] };
  const issues: SourceIssue[] = [];
  const defaultLanguage = isLanguage(source.language) ? source.language : 'en';
  const readIn = (language: Language) => {
    const result = profileReaderIn(language, defaultLanguage).safeParse(source, { error: profileIssueMessage });
    if (result.success) return result.data;
    issues.push(
      ...result.error.issues.map((issue: z.core.$ZodIssue) => ({ path: issue.path, message: issue.message })),
    );
    return null;
  };
  // Read in the default language first: every problem but a missing translation shows there, once.
  const profile = readIn(defaultLanguage);
  if (!profile) return { ok: false, issues };
  const translations = new Map<Language, Profile>();
  for (const language of publishedLanguages(profile).slice(1)) {
    const translated = readIn(language);
    if (translated) translations.set(language, deepFreeze(translated));
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, profile: rememberTranslations(deepFreeze(profile), translations) };
}

export { formatPath } from '../shared/json-path.ts';

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
