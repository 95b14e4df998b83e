/** The content search on the case list, kept in the URL (`q`) beside the list's filters. */
import { SearchQuery } from '../../shared/api.ts';
import { i18n } from '../i18n/instance.ts';
import { filtersToSearch, type CaseFilters } from './filters.ts';

export const MIN_SEARCH_LENGTH = 2;

/** The search term in a query string, trimmed; null when there is none or it is not one the server accepts. */
export function parseSearchTerm(search: string): string | null {
  const parsed = SearchQuery.safeParse({ q: new URLSearchParams(search).get('q') ?? '' });
  return parsed.success ? parsed.data.q : null;
}

/** The filters' query string with the search term after them (`?status=closed&q=gate`). */
export function searchToLocation(filters: CaseFilters, term: string | null): string {
  const params = new URLSearchParams(filtersToSearch(filters));
  const q = term?.trim();
  if (q) params.set('q', q);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Why a term cannot be searched for, or null when it can. */
export function searchTermProblem(term: string): string | null {
  const length = term.trim().length;
  if (length < MIN_SEARCH_LENGTH) return i18n.t('search.tooShort', { min: MIN_SEARCH_LENGTH });
  if (length > 200) return i18n.t('search.tooLong', { max: 200 });
  return null;
}

/** "2 cases found; searched 40 cases." */
export function searchSummary(found: number, searched: number): string {
  return i18n.t('search.summary', { found, searched });
}
