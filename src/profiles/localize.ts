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

/**
 * `profile` with `language` as its default (CONFIDE_LANGUAGE): its texts in that language, `language` set to it,
 * and the other published languages, the profile's own default among them, still reachable through profileIn.
 * @throws Error when the profile does not publish `language`
 */
export function withDefaultLanguage(profile: Profile, language: Language): Profile {
  if (language === profile.language) return profile;
  const languages = publishedLanguages(profile);
  if (!languages.includes(language))
    throw new Error(
      `CONFIDE_LANGUAGE is ${language}, but the profile ${profile.id} publishes ${languages.join(', ')} only — choose one of them, or leave CONFIDE_LANGUAGE unset`,
    );
  const adopted = Object.freeze({ ...profileIn(profile, language), language });
  const others = new Map(
    languages.filter((l) => l !== language).map((l) => [l, Object.freeze({ ...profileIn(profile, l), language })]),
  );
  return rememberTranslations(adopted, others);
}
