/** Loads the case list for a set of filters and an order, with keyset pagination ("Load more" follows `nextCursor`). */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseSummary } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { isAbortError } from '../api/client.ts';
import type { CaseFilters } from '../lib/filters.ts';

const PAGE_SIZE = 50;

export interface CaseListState {
  items: CaseSummary[];
  nextCursor: string | null;
  /** 'loading' is the first page; 'loadingMore' a further one. */
  phase: 'loading' | 'loadingMore' | 'ready';
  error: Error | null;
}

const initial: CaseListState = { items: [], nextCursor: null, phase: 'loading', error: null };

export function useCaseList(filters: CaseFilters): CaseListState & { loadMore: () => void } {
  const api = useApi();
  const { status, category, channel, label, urgent, order } = filters;
  const [state, setState] = useState<CaseListState>(initial);
  const moreController = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    moreController.current?.abort();
    setState(initial);
    api.listCases({ order, status, category, channel, label, urgent, limit: PAGE_SIZE }, controller.signal).then(
      (page) => setState({ items: page.items, nextCursor: page.nextCursor, phase: 'ready', error: null }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ ...initial, phase: 'ready', error: toError(error) });
      },
    );
    return () => controller.abort();
  }, [api, status, category, channel, label, urgent, order]);

  const loadMore = useCallback(() => {
    if (state.nextCursor === null || state.phase !== 'ready') return;
    const controller = new AbortController();
    moreController.current = controller;
    setState((s) => ({ ...s, phase: 'loadingMore', error: null }));
    api
      .listCases(
        { order, status, category, channel, label, urgent, limit: PAGE_SIZE, cursor: state.nextCursor },
        controller.signal,
      )
      .then(
        (page) =>
          setState((s) => ({
            items: [...s.items, ...page.items],
            nextCursor: page.nextCursor,
            phase: 'ready',
            error: null,
          })),
        (error: unknown) => {
          if (!isAbortError(error)) setState((s) => ({ ...s, phase: 'ready', error: toError(error) }));
        },
      );
  }, [api, status, category, channel, label, urgent, order, state.nextCursor, state.phase]);

  useEffect(() => () => moreController.current?.abort(), []);

  return { ...state, loadMore };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
