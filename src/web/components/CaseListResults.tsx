import { useEffect, useRef, useState } from 'react';
import { useCaseList } from '../hooks/useCaseList.ts';
import { hasFilters, type CaseFilters } from '../lib/filters.ts';
import { CaseTable } from './CaseTable.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { useTranslation } from 'react-i18next';

/** The cases the user may see, filtered and ordered, a page at a time. */
export function CaseListResults({ filters }: { filters: CaseFilters }) {
  const { t } = useTranslation();
  const list = useCaseList(filters);
  const tableRef = useRef<HTMLTableElement>(null);
  // After "Load more", focus moves to the first new row, so keyboard users continue where they were.
  const [focusRow, setFocusRow] = useState<number | null>(null);

  useEffect(() => {
    if (focusRow === null || list.phase !== 'ready') return;
    const links = tableRef.current?.querySelectorAll<HTMLAnchorElement>('a.row-link');
    links?.[focusRow]?.focus();
    setFocusRow(null);
  }, [focusRow, list.phase]);

  function loadMore() {
    if (list.phase !== 'ready') return;
    setFocusRow(list.items.length);
    list.loadMore();
  }

  const count = list.items.length;
  const summary =
    list.phase === 'loading'
      ? t('caseListResults.loading')
      : count === 0
        ? list.error
          ? ''
          : hasFilters(filters)
            ? t('caseListResults.noMatch')
            : t('caseListResults.none')
        : list.nextCursor
          ? t('caseListResults.showingMore', { count })
          : t('caseListResults.showing', { count });

  return (
    <>
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
            {t('caseListResults.loadMore')}
          </button>
        </p>
      ) : null}
    </>
  );
}
