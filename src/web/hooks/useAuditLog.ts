/** Loads the audit log for a set of filters, newest first, a page at a time ("Load more" follows `nextCursor`). */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEntryView } from '../../shared/audit.ts';
import { isAbortError } from '../api/client.ts';
import { useApi } from '../api/context.ts';
import type { AuditFilters } from '../lib/auditFilters.ts';

const PAGE_SIZE = 50;

export interface AuditLogState {
  items: AuditEntryView[];
  nextCursor: number | null;
  /** 'loading' is the first page; 'loadingMore' a further one. */
  phase: 'loading' | 'loadingMore' | 'ready';
  error: Error | null;
}

const initial: AuditLogState = { items: [], nextCursor: null, phase: 'loading', error: null };

export function useAuditLog(filters: AuditFilters): AuditLogState & { loadMore: () => void } {
  const api = useApi();
  const { from, to, actor, action, subject } = filters;
  const [state, setState] = useState<AuditLogState>(initial);
  const moreController = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    moreController.current?.abort();
    setState(initial);
    api.listAudit({ from, to, actor, action, subject, limit: PAGE_SIZE }, controller.signal).then(
      (page) => setState({ items: page.items, nextCursor: page.nextCursor, phase: 'ready', error: null }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ ...initial, phase: 'ready', error: toError(error) });
      },
    );
    return () => controller.abort();
  }, [api, from, to, actor, action, subject]);

  const loadMore = useCallback(() => {
    if (state.nextCursor === null || state.phase !== 'ready') return;
    const controller = new AbortController();
    moreController.current = controller;
    setState((s) => ({ ...s, phase: 'loadingMore', error: null }));
    api
      .listAudit({ from, to, actor, action, subject, limit: PAGE_SIZE, cursor: state.nextCursor }, controller.signal)
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
  }, [api, from, to, actor, action, subject, state.nextCursor, state.phase]);

  useEffect(() => () => moreController.current?.abort(), []);

  return { ...state, loadMore };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
