/**
 * The staff endpoints of the JSON API, typed by the shared schemas. The session endpoints keep the client's
 * CSRF token in step with the session.
 */
import type { z } from 'zod';
import {
  CaseDetail,
  CaseList,
  CategoryList,
  MessageView,
  Statistics,
  StatusResponse,
  type CaseStatus,
  type Channel,
  type MessageRequest,
  type StatusRequest,
} from '../../shared/api.ts';
import { StaffSession } from '../../shared/accounts.ts';
import { createAccountsApi } from './accounts.ts';
import { createAdminApi } from './admin.ts';
import { createAuditApi } from './audit.ts';
import { createCaseWorkApi } from './case-work.ts';
import { createDueProcessApi } from './due-process.ts';
import { ApiError, isSessionEnd, type ApiClient } from './client.ts';
import { createProtectionApi } from './protection.ts';
import { createRetentionApi } from './retention.ts';
import { createRequestsApi } from './requests.ts';
import { createTranscriptsApi } from './transcripts.ts';
import { createIntakeApi } from './intake.ts';

export type StatisticsRange = { from?: string; to?: string };

export type CaseListParams = {
  order?: 'queue' | 'newest';
  status?: CaseStatus;
  category?: string;
  channel?: Channel;
  label?: string;
  urgent?: 'true' | 'false';
  limit?: number;
  cursor?: string;
};

export function createStaffApi(client: ApiClient) {
  const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

  return {
    ...createCaseWorkApi(client),
    ...createDueProcessApi(client),
    ...createAuditApi(client),
    ...createProtectionApi(client),
    ...createRetentionApi(client),
    ...createRequestsApi(client),
    ...createTranscriptsApi(client),
    ...createAccountsApi(client),
    ...createAdminApi(client),
    ...createIntakeApi(client),
    /**
     * The current session, or null when not signed in.
     * @param onEnded told why, when the session this browser had has just ended (idle, or at its cap)
     */
    async getSession(signal?: AbortSignal, onEnded?: (why: string) => void): Promise<StaffSession | null> {
      try {
        const session = await client.request('GET', '/session', StaffSession, {
          signal,
          redirectOnUnauthorized: false,
        });
        client.setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 401) throw error;
        if (isSessionEnd(error)) onEnded?.(error.message);
        return null;
      }
    },
    /**
     * @param code the TOTP code, once the server has asked for it (401 `totp_required`)
     * @throws ApiError 401 `unauthorized` (wrong username or password), `password_reset`, `totp_required`, `totp_invalid`
     */
    async signIn(username: string, password: string, code?: string): Promise<StaffSession> {
      const session = await client.request('POST', '/session', StaffSession, {
        body: { username, password, ...(code ? { code } : {}) },
        redirectOnUnauthorized: false,
      });
      client.setCsrfToken(session.csrfToken);
      return session;
    },
    async signOut(): Promise<void> {
      await client.requestNoContent('DELETE', '/session', { redirectOnUnauthorized: false });
      client.setCsrfToken(null);
    },
    listCases(params: CaseListParams, signal?: AbortSignal): Promise<CaseList> {
      return client.request('GET', `/cases${toQueryString(params)}`, CaseList, { signal });
    },
    getCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
      return client.request('GET', casePath(id), CaseDetail, { signal });
    },
    /** Where the browser downloads a file (served as an attachment; never shown inline). */
    fileUrl(caseId: string, fileId: string): string {
      return client.url(`${casePath(caseId)}/files/${encodeURIComponent(fileId)}`);
    },
    postMessage(caseId: string, message: z.input<typeof MessageRequest>): Promise<MessageView> {
      return client.request('POST', `${casePath(caseId)}/messages`, MessageView, { body: message });
    },
    /**
     * A reply to the reporter with files, as multipart/form-data: `body` and `kind` first, then the files.
     * @throws ApiError 400 `file_not_cleanable` (nothing was sent), 413 too large
     */
    postReplyWithFiles(
      caseId: string,
      reply: { body: string; kind: 'message' | 'outcome_notice' },
      files: readonly File[],
    ): Promise<MessageView> {
      const form = new FormData();
      form.append('body', reply.body);
      form.append('kind', reply.kind);
      for (const file of files) form.append('files', file, file.name);
      return client.request('POST', `${casePath(caseId)}/replies`, MessageView, { body: form });
    },
    /** @throws ApiError 409 `conflict` or `invalid_transition` */
    changeStatus(caseId: string, change: z.input<typeof StatusRequest>): Promise<z.output<typeof StatusResponse>> {
      return client.request('POST', `${casePath(caseId)}/status`, StatusResponse, { body: change });
    },
    listCategories(signal?: AbortSignal): Promise<z.output<typeof CategoryList>> {
      return client.request('GET', '/categories', CategoryList, { signal });
    },
    /** Weekly counts and handling figures for a range of dates (YYYY-MM-DD, UTC); the server's defaults when unset. */
    getStatistics(range: StatisticsRange, signal?: AbortSignal): Promise<Statistics> {
      return client.request('GET', `/statistics${toQueryString({ ...range })}`, Statistics, { signal });
    },
    /** Where the browser downloads the same statistics as a CSV file (an attachment). */
    statisticsCsvUrl(range: StatisticsRange): string {
      return client.url(`/statistics.csv${toQueryString({ ...range })}`);
    },
  };
}

export type StaffApi = ReturnType<typeof createStaffApi>;

/** `?a=1&b=2` from the defined, non-empty values, or '' when there are none. */
export function toQueryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
