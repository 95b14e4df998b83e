/** Loads the audit log for a set of filters, newest first, a page at a time ("Load more" follows `nextCursor`). */
import { useCallback } from 'react';
import type { AuditEntryView } from '../../shared/audit.ts';
import { useApi } from '../api/context.ts';
import type { AuditFilters } from '../lib/audit-filters.ts';
import { usePagedList, type PagedListState } from './usePagedList.ts';

const PAGE_SIZE = 50;

export type AuditLogState = PagedListState<AuditEntryView, number>;

export function useAuditLog(filters: AuditFilters): AuditLogState & { loadMore: () => void } {
  const api = useApi();
  const { from, to, actor, action, subject } = filters;
  const loadPage = useCallback(
    (cursor: number | undefined, signal: AbortSignal) =>
      api.listAudit(
        { from, to, actor, action, subject, limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) },
        signal,
      ),
    [api, from, to, actor, action, subject],
  );
  return usePagedList(loadPage);
}
