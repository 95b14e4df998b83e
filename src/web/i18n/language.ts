/**
 * The workspace's languages: i18next with ICU messages and react-i18next, over the `workspace` catalogues
 * (locales/<language>/workspace.json, bundled). The language is the signed-in person's choice (Account page), else
 * the browser's, else English; `applyLanguage` also sets `<html lang dir>` so Arabic screens are mirrored.
 *
 * Components translate with `const { t } = useTranslation();` and `t('caseView.title')`; code outside React with
 * `i18n.t`. Keys are nested by screen or component.
 */
import { i18n } from './instance.ts';
import { matchLanguage, textDirection, type Language } from '../../i18n/languages.ts';

export { i18n };

/** The browser's first shipped language, else English. */
export function browserLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return 'en';
}

/** Switches the workspace to `language` and mirrors the page for a right-to-left one. */
export function applyLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
}
