/**
 * A profile in each of its languages. loadProfile returns the profile in its default language and remembers its
 * copies in the other languages it publishes (every text translated: the loader refuses a profile with a gap);
 * `profileIn` gives them.
 */
import type { Profile } from '../shared/profile.ts';
import type { Language } from '../i18n/languages.ts';

/** Profile in its default language → its copies in the other languages it publishes. */
const translated = new WeakMap<Profile, ReadonlyMap<Language, Profile>>();

/**
 * Remembers `translations` (language → the same profile in it, frozen) as the copies of `profile`; for loadProfile.
 * @returns `profile`
 */
export function rememberTranslations(profile: Profile, translations: ReadonlyMap<Language, Profile>): Profile {
  translated.set(profile, translations);
  return profile;
}

/**
 * `profile` (as loadProfile returned it) with every text in `language`: the same object for its default language,
 * the translated copy for another published language. A language the profile does not publish gets the default
 * language's profile — offer only publishedLanguages(profile) to choose from.
 */
export function profileIn(profile: Profile, language: Language): Profile {
  if (language === profile.language) return profile;
  return translated.get(profile)?.get(language) ?? profile;
}

/** The languages the profile publishes, its default first, then the others in the order `languages` lists them. */
export function publishedLanguages(profile: Profile): readonly Language[] {
  return [profile.language, ...profile.languages.filter((language) => language !== profile.language)];
}
