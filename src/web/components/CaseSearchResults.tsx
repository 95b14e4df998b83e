import { useCaseSearch } from '../hooks/useCaseSearch.ts';
import { searchSummary } from '../lib/search.ts';
import { CaseTable } from './CaseTable.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

/** The cases whose content matches the search, with how many were searched and whether that was all. */
export function CaseSearchResults({ term }: { term: string }) {
  const { result, loading, error } = useCaseSearch(term);
  return (
    <>
      <p role="status" className="list-summary">
        {loading ? 'Searching your cases…' : result ? searchSummary(result.items.length, result.searched) : ''}
      </p>
      {result && !result.complete ? (
        <p className="notice notice--info">
          Not all of your cases were searched, so a matching case may be missing. Use more specific words, or filter the
          list instead.
        </p>
      ) : null}
      <ErrorMessage message={error?.message} />
      {result && result.items.length > 0 ? <CaseTable items={result.items} caption="Search results" /> : null}
      {result ? <p className="hint">The filters above do not apply to a search.</p> : null}
    </>
  );
}
