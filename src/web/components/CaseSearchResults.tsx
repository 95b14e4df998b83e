import { useCaseSearch } from '../hooks/useCaseSearch.ts';
import { searchSummary } from '../lib/search.ts';
import { CaseTable } from './CaseTable.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useTranslation } from 'react-i18next';

/** The cases whose content matches the search, with how many were searched and whether that was all. */
export function CaseSearchResults({ term }: { term: string }) {
  const { t } = useTranslation();
  const { result, loading, error } = useCaseSearch(term);
  return (
    <>
      <p role="status" className="list-summary">
        {loading ? t('caseSearchResults.searching') : result ? searchSummary(result.items.length, result.searched) : ''}
      </p>
      {result && !result.complete ? <p className="notice notice--info">{t('caseSearchResults.incomplete')}</p> : null}
      <ErrorMessage message={error?.message} />
      {result && result.items.length > 0 ? (
        <CaseTable items={result.items} caption={t('caseSearchResults.caption')} />
      ) : null}
      {result ? <p className="hint">{t('caseSearchResults.filtersIgnored')}</p> : null}
    </>
  );
}
