import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '../../i18n/languages.ts';
import { useApi } from '../api/context.ts';
import { useSubmit } from '../hooks/useSubmit.ts';
import { applyLanguage } from '../i18n/language.ts';
import { FormFeedback } from './FormFeedback.tsx';

interface Props {
  /** The stored choice; null shows the language the workspace is in now (the browser's). */
  language: Language | null;
  onChanged: (language: Language) => void;
}

/**
 * "Language": each shipped language written in itself. A choice applies at once (the page is mirrored for Arabic)
 * and is stored on the account, for the next sign-in and the notice mails.
 */
export function LanguageForm({ language, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const id = useId();
  const { error, notice, run } = useSubmit();
  const shown = language ?? (isLanguage(i18n.language) ? i18n.language : 'en');

  async function choose(value: string) {
    if (!isLanguage(value)) return;
    applyLanguage(value);
    await run(
      async () => {
        onChanged(await api.setLanguage(value));
        return t('accountPage.languageSaved', { lng: value });
      },
      t('accountPage.languageFailed', { lng: value }),
    );
  }

  return (
    <div className="field">
      <label htmlFor={`${id}-language`}>{t('accountPage.language')}</label>
      <select
        id={`${id}-language`}
        value={shown}
        onChange={(e) => void choose(e.target.value)}
        aria-describedby={`${id}-hint`}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        {t('accountPage.languageHint')}
      </p>
      <FormFeedback error={error} notice={notice} />
    </div>
  );
}
