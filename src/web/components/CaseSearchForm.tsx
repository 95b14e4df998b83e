import { useId, useState, type FormEvent } from 'react';
import { searchTermProblem } from '../lib/search.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The search shown now (from the URL), or null for the plain list. */
  term: string | null;
  onSearch: (term: string) => void;
  onClear: () => void;
}

/**
 * Searches the content of the viewer's own cases. The server decrypts and searches only cases granted to the
 * viewer; there is no plaintext index.
 */
export function CaseSearchForm({ term, onSearch, onClear }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(term ?? '');
  const [shown, setShown] = useState(term);
  const [problem, setProblem] = useState<string | null>(null);
  if (term !== shown) {
    setShown(term);
    setDraft(term ?? '');
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = searchTermProblem(draft);
    setProblem(found);
    if (!found) onSearch(draft.trim());
  }

  return (
    <form role="search" aria-label={t('caseSearch.label')} className="filters search-form" onSubmit={handleSubmit}>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('caseSearch.field')}</label>
        <input
          id={`${id}-q`}
          data-shortcut="/"
          type="search"
          value={draft}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint`}
        />
        <p id={`${id}-hint`} className="hint">
          {t('caseSearch.hint')}
        </p>
      </div>
      <button type="submit" className="button">
        {t('caseSearch.submit')}
      </button>
      {term !== null ? (
        <button type="button" className="button button--secondary" onClick={onClear}>
          {t('caseSearch.clear')}
        </button>
      ) : null}
      <ErrorMessage message={problem} />
    </form>
  );
}
