import { useId, useState } from 'react';
import type { CaseDetail, Outcome } from '../../shared/api.ts';
import { useTranslation } from 'react-i18next';
import { outcomeLabel } from '../lib/labels.ts';
import { isLanguage, LANGUAGE_NAMES } from '../../i18n/languages.ts';

interface Props {
  /** The outcomes the category offers a template for. */
  templates: CaseDetail['feedbackTemplates'];
  /** The report's language (a shipped Language tag): the template text is in it, whatever the viewer's language. */
  language?: string;
  /** Called with the chosen template's text, which replaces the message. */
  onPick: (text: string) => void;
}

/**
 * Starts an outcome notice from the feedback template for an outcome. The server gives the texts in the report's
 * language (src/domain/cases/feedback.ts), whatever language the viewer reads; the outcomes are named in the
 * viewer's language.
 */
export function TemplatePicker({ templates, language, onPick }: Props) {
  const { t } = useTranslation();
  const reportLanguage = isLanguage(language) ? language : 'en';
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  if (templates.length === 0) return <p className="hint">{t('templatePicker.none')}</p>;

  function pick(value: Outcome | '') {
    setOutcome(value);
    const template = templates.find((candidate) => candidate.outcome === value);
    if (template) onPick(template.text);
  }

  return (
    <div className="field">
      <label htmlFor={`${id}-template`}>{t('templatePicker.label')}</label>
      <select
        id={`${id}-template`}
        value={outcome}
        onChange={(e) => pick(e.target.value as Outcome | '')}
        aria-describedby={`${id}-hint`}
      >
        <option value="">{t('protectionResponse.choose')}</option>
        {templates.map((template) => (
          <option key={template.outcome} value={template.outcome}>
            {outcomeLabel(template.outcome)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        {t('templatePicker.hint', { language: LANGUAGE_NAMES[reportLanguage] })}
      </p>
    </div>
  );
}
