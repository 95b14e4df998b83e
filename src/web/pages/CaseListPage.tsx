import { CaseFilterForm } from '../components/CaseFilterForm.tsx';
import { CaseListResults } from '../components/CaseListResults.tsx';
import { CaseSearchForm } from '../components/CaseSearchForm.tsx';
import { CaseSearchResults } from '../components/CaseSearchResults.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { SavedFilters } from '../components/SavedFilters.tsx';
import { useCategories } from '../hooks/useCategories.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { filtersToSearch, parseFilters, type CaseFilters } from '../lib/filters.ts';
import { parseSearchTerm, searchToLocation } from '../lib/search.ts';
import { navigate } from '../router/history.ts';
import { casesPath } from '../router/routes.ts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The cases the user may see, ordered and filtered by the URL query — or, when the URL holds a search (`q`), the
 * cases whose content matches it. Changing a filter leaves the search.
 */
export function CaseListPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const filters = parseFilters(search);
  const term = parseSearchTerm(search);
  const { categories, error: categoriesError } = useCategories();
  useDocumentTitle(term ? t('caseList.searchTitle') : t('caseList.title'));

  // "/" goes to the search box, as in most lists, unless the person is typing somewhere.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea, select, [contenteditable]')) return;
      const box = document.querySelector<HTMLInputElement>('input[data-shortcut="/"]');
      if (!box) return;
      event.preventDefault();
      box.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  function changeFilters(next: CaseFilters) {
    navigate(casesPath(filtersToSearch(next)));
  }

  return (
    <>
      <PageHeading>{t('caseList.title')}</PageHeading>
      <CaseSearchForm
        term={term}
        onSearch={(next) => navigate(casesPath(searchToLocation(filters, next)))}
        onClear={() => changeFilters(filters)}
      />
      <CaseFilterForm filters={filters} categories={categories} onChange={changeFilters} />
      <SavedFilters search={filtersToSearch(filters)} />
      {categoriesError ? (
        <p className="hint">{t('caseList.categoriesFailed', { message: categoriesError.message })}</p>
      ) : null}
      {term ? <CaseSearchResults term={term} /> : <CaseListResults filters={filters} />}
    </>
  );
}
