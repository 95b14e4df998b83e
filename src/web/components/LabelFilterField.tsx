import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  /** The label filter in the URL ('' for none). */
  value: string;
  onApply: (label: string) => void;
}

/**
 * The case list's label filter: typed freely, applied on Enter (the form's submit) or on leaving the box. Follows
 * the URL when it changes from elsewhere (back button, Clear filters) without losing focus.
 */
export function LabelFilterField({ id, value, onApply }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [applied, setApplied] = useState(value);
  if (value !== applied) {
    setApplied(value);
    setDraft(value);
  }
  return (
    <div className="field">
      <label htmlFor={id}>{t('labelFilter.label')}</label>
      <input
        id={id}
        name="label"
        value={draft}
        maxLength={60}
        autoComplete="off"
        className="input--short"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft.trim() !== value) onApply(draft.trim());
        }}
      />
    </div>
  );
}
