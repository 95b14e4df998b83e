/**
 * Texts staff start an outcome notice from, per outcome, in the reporter's language (the report's `language`).
 * Staff edit the text before it is sent; it is sent as a message the reporter reads on the follow-up page.
 * @see Counter-Espionage Law 2023 Art. 52 (tell the complainant the result); Directive (EU) 2019/1937 Art. 9(1)(f)
 */
import { OUTCOMES, type Outcome } from '../../shared/api.ts';
import { matchLanguage } from '../../i18n/languages.ts';
import { translate } from '../../i18n/server.ts';
import { profileIn } from '../../profiles/localize.ts';
import type { Profile } from '../../shared/profile.ts';

/**
 * The templates in a report's language: the profile's `noticeTemplates` where the administration set one (in that
 * language when the profile publishes it), else `feedbackTemplates.<outcome>` of the public catalogue, as the
 * reporter reads them; English for a language Confide does not ship.
 */
export function feedbackTemplates(profile: Profile, language: string): { outcome: Outcome; text: string }[] {
  const shipped = matchLanguage(language) ?? 'en';
  const t = translate(shipped, 'public');
  const own = profile.languages.includes(shipped) ? profileIn(profile, shipped).noticeTemplates : undefined;
  return OUTCOMES.map((outcome) => ({ outcome, text: own?.[outcome] ?? t(`feedbackTemplates.${outcome}`) }));
}
