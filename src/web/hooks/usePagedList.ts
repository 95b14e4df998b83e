/**
 * A list the server hands out a page at a time, newest or in the chosen order: the first page loads whenever
 * `loadPage` changes (a new set of filters), and `loadMore` appends the page after `nextCursor`. A new first page
 * cancels a further one still loading.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from '../api/client.ts';

/** What a list shows so far. */
export interface PagedListState<Item, Cursor> {
  items: Item[];
  nextCursor: Cursor | null;
  /** 'loading' is the first page; 'loadingMore' a further one. */
  phase: 'loading' | 'loadingMore' | 'ready';
  error: Error | null;
}

/** Fetches the page after `cursor` (the first page when it is undefined). Memoise it on the filters it sends. */
export type LoadPage<Item, Cursor> = (
  cursor: Cursor | undefined,
  signal: AbortSignal,
) => Promise<{ items: Item[]; nextCursor: Cursor | null }>;

const initial: PagedListState<never, never> = { items: [], nextCursor: null, phase: 'loading', error: null };

/** The pages loaded so far and `loadMore()`, which appends the next one (a no-op while loading or at the end). */
export function usePagedList<Item, Cursor>(
  loadPage: LoadPage<Item, Cursor>,
): PagedListState<Item, Cursor> & { loadMore: () => void } {
  const [state, setState] = useState<PagedListState<Item, Cursor>>(initial);
  const moreController = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    moreController.current?.abort();
    setState(initial);
    loadPage(undefined, controller.signal).then(
      (page) => setState({ items: page.items, nextCursor: page.nextCursor, phase: 'ready', error: null }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ ...initial, phase: 'ready', error: toError(error) });
      },
    );
    return () => controller.abort();
  }, [loadPage]);

  const loadMore = useCallback(() => {
    if (state.nextCursor === null || state.phase !== 'ready') return;
    const controller = new AbortController();
    moreController.current = controller;
    setState((s) => ({ ...s, phase: 'loadingMore', error: null }));
    loadPage(state.nextCursor, controller.signal).then(
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
  }, [loadPage, state.nextCursor, state.phase]);

  useEffect(() => () => moreController.current?.abort(), []);

  return { ...state, loadMore };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
