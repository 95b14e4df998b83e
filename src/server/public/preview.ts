/**
 * A public page of a profile that is not published yet, for the administration's preview: the start page or a
 * category's questionnaire, rendered by the same functions as the live pages, marked as a preview, with its
 * buttons disabled and no script. The workspace shows it in a sandboxed frame (no scripts, no forms).
 */
import { publishedLanguages, profileIn } from '../../profiles/localize.ts';
import { isLanguage } from '../../i18n/languages.ts';
import type { Profile } from '../../shared/profile.ts';
import { errors } from '../../domain/errors.ts';
import { html } from './html.ts';
import { landingPage } from './landing.ts';
import { notice } from './layout.ts';
import { localeFor } from './locale.ts';
import { questionnairePage } from './report-pages.ts';

const MAIN = '<main id="main" class="wrap" tabindex="-1">';

/**
 * @param options.category a category id (its questionnaire); absent for the start page
 * @param options.language a language the profile publishes; its default when absent or not published
 * @throws DomainError not_found for a category the profile does not have
 */
export function previewPage(
  profile: Profile,
  options: { category?: string | undefined; language?: string | undefined },
): string {
  const languages = publishedLanguages(profile);
  const language =
    isLanguage(options.language) && languages.includes(options.language) ? options.language : languages[0]!;
  const shown = profileIn(profile, language);
  const loc = localeFor(profile, language);
  let document: string;
  if (options.category) {
    const category = shown.categories.find((c) => c.id === options.category);
    if (!category) throw errors.notFound(`The draft has no category “${options.category}”.`);
    document = questionnairePage(loc, category, { values: {}, errors: {}, identity: {} });
  } else {
    document = landingPage(loc, shown, { accepting: true, needsSetup: false });
  }
  const banner = notice(html`<p><strong>${loc.t('preview.banner')}</strong></p>`, 'warning');
  return document
    .replace(MAIN, `${MAIN}\n${banner.value}`)
    .replaceAll('<button type="submit"', '<button type="submit" disabled')
    .replace(/<script [^>]*><\/script>\n?/g, '');
}
