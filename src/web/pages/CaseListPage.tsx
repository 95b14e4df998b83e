import { useEffect, useRef, useState } from 'react';
import { CaseFilterForm } from '../components/CaseFilterForm.tsx';
import { CaseTable } from '../components/CaseTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useCaseList } from '../hooks/useCaseList.ts';
import { useCategories } from '../hooks/useCategories.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { filtersToSearch, hasFilters, parseFilters, type CaseFilters } from '../lib/filters.ts';
import { navigate } from '../router/history.ts';
import { casesPath } from '../router/routes.ts';

/** The cases the user may see, filtered by the URL query, a page at a time. */
export function CaseListPage({ search }: { search: string }) {
  const filters = parseFilters(search);
  const list = useCaseList(filters);
  const { categories, error: categoriesError } = useCategories();
  const tableRef = useRef<HTMLTableElement>(null);
  // After "Load more", focus moves to the first new row, so keyboard users continue where they were.
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useDocumentTitle('Cases');

  useEffect(() => {
    if (focusRow === null || list.phase !== 'ready') return;
    const links = tableRef.current?.querySelectorAll<HTMLAnchorElement>('a.row-link');
    links?.[focusRow]?.focus();
    setFocusRow(null);
  }, [focusRow, list.phase]);

  function changeFilters(next: CaseFilters) {
    navigate(casesPath(filtersToSearch(next)));
  }

  function loadMore() {
    if (list.phase !== 'ready') return;
    setFocusRow(list.items.length);
    list.loadMore();
  }

  const count = list.items.length;
  const summary =
    list.phase === 'loading'
      ? 'Loading cases…'
      : count === 0
        ? list.error
          ? ''
          : hasFilters(filters)
            ? 'No cases match these filters.'
            : 'There are no cases to show.'
        : `Showing ${count} ${count === 1 ? 'case' : 'cases'}${list.nextCursor ? '; more can be loaded' : ''}.`;

  return (
    <>
      <PageHeading>Cases</PageHeading>
      <CaseFilterForm filters={filters} categories={categories} onChange={changeFilters} />
      {categoriesError ? <p className="hint">Categories could not be loaded: {categoriesError.message}</p> : null}
      <p role="status" className="list-summary">
        {summary}
      </p>
      <ErrorMessage message={list.error?.message} />
      {count > 0 ? <CaseTable items={list.items} tableRef={tableRef} /> : null}
      {list.nextCursor !== null && list.phase !== 'loading' ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={loadMore}
            aria-disabled={list.phase !== 'ready'}
          >
            Load more
          </button>
        </p>
      ) : null}
    </>
  );
}
