/**
 * Texts staff start an outcome notice from, per outcome, in the reporter's language (the report's `language`).
 * Staff edit the text before it is sent; it is sent as a message the reporter reads on the follow-up page.
 * @see Counter-Espionage Law 2023 Art. 52 (tell the complainant the result); Directive (EU) 2019/1937 Art. 9(1)(f)
 */
import type { Outcome } from '../../shared/api.ts';

const TEMPLATES: Record<string, Record<Outcome, string>> = {
  en: {
    substantiated:
      'Thank you for your report. We have looked into it, and what you reported was confirmed. We have taken the steps the law provides for. For your protection and that of others, we cannot tell you more about them.',
    unsubstantiated:
      'Thank you for your report. We have looked into it carefully, but what you reported could not be confirmed. If you learn something new, you can add it here with your receipt.',
    insufficient_information:
      'Thank you for your report. We could not take it further because we did not have enough information. If you can tell us more — what happened, when, where, and who was involved — please add it here with your receipt.',
    referred_elsewhere:
      'Thank you for your report. The matter is for another authority, and we have passed your report to it. Your identity stays protected as before.',
    duplicate:
      'Thank you for your report. The same matter had already been reported to us, and it is being handled together with that report.',
    knowingly_false:
      'We have examined your report and concluded that it was knowingly false. Making a knowingly false report is unlawful.',
  },
};

/** The templates for a language, English when there are none in it. */
export function feedbackTemplates(language: string): { outcome: Outcome; text: string }[] {
  const texts = TEMPLATES[language] ?? TEMPLATES.en!;
  return (Object.keys(texts) as Outcome[]).map((outcome) => ({ outcome, text: texts[outcome] }));
}
