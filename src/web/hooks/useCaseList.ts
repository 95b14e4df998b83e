/** Loads the case list for a set of filters and an order, with keyset pagination ("Load more" follows `nextCursor`). */
import { useCallback } from 'react';
import type { CaseSummary } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import type { CaseFilters } from '../lib/filters.ts';
import { usePagedList, type PagedListState } from './usePagedList.ts';

const PAGE_SIZE = 50;

export type CaseListState = PagedListState<CaseSummary, string>;

export function useCaseList(filters: CaseFilters): CaseListState & { loadMore: () => void } {
  const api = useApi();
  const { status, category, channel, label, urgent, order } = filters;
  const loadPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) =>
      api.listCases(
        {
          order,
          status,
          category,
          channel,
          label,
          urgent,
          limit: PAGE_SIZE,
          ...(cursor === undefined ? {} : { cursor }),
        },
        signal,
      ),
    [api, status, category, channel, label, urgent, order],
  );
  return usePagedList(loadPage);
}
