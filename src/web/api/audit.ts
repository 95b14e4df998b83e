/**
 * The audit log's endpoints (oversight officers only): read a page, the staff to filter by, check the chain, and
 * the addresses of the downloads. Spread into the staff API by `createStaffApi`.
 */
import { AuditActors, AuditPage, AuditVerifyResult } from '../../shared/audit.ts';
import type { AuditFilters } from '../lib/audit-filters.ts';
import type { ApiClient } from './client.ts';

/** `?a=1&b=2` from the defined, non-empty values, or ''. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function createAuditApi(client: ApiClient) {
  return {
    /** One page of the log, newest first; `cursor` is the previous page's `nextCursor`. @throws ApiError 400 */
    listAudit(params: AuditFilters & { cursor?: number; limit?: number }, signal?: AbortSignal): Promise<AuditPage> {
      return client.request('GET', `/audit${query({ ...params })}`, AuditPage, { signal });
    },
    listAuditActors(signal?: AbortSignal): Promise<AuditActors> {
      return client.request('GET', '/audit/actors', AuditActors, { signal });
    },
    /** Checks the whole chain on the server (as `npx confide audit verify`). */
    verifyAudit(): Promise<AuditVerifyResult> {
      return client.request('GET', '/audit/verify', AuditVerifyResult);
    },
    /** Where the browser downloads the log of a date range as NDJSON (an attachment). */
    auditExportUrl(range: Pick<AuditFilters, 'from' | 'to'>): string {
      return client.url(`/audit/export${query({ from: range.from, to: range.to })}`);
    },
    /** Where the browser downloads one report's record of accesses, as its reporter sees it (CSV). */
    accessLogCsvUrl(reference: string): string {
      return client.url(`/audit/reports/${encodeURIComponent(reference)}/accesses.csv`);
    },
  };
}
