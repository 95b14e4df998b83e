/**
 * The case-handling endpoints of the JSON API: search, triage (urgency, risk), labels, links, and access (grants
 * and exclusions, for supervisors). Spread into the staff API by `createStaffApi`.
 */
import type { z } from 'zod';
import {
  CaseAccess,
  LabelsResponse,
  LinksResponse,
  RiskResponse,
  SearchResponse,
  StaffList,
  UrgentResponse,
  type ExclusionRequest,
  type LinkRequest,
  type RiskRequest,
  type Role,
  type UrgentRequest,
} from '../../shared/api.ts';
import type { ApiClient } from './client.ts';

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

export function createCaseWorkApi(client: ApiClient) {
  return {
    /** Searches the content of the viewer's granted cases (decrypted on the server, never indexed). */
    searchCases(q: string, signal?: AbortSignal): Promise<z.output<typeof SearchResponse>> {
      return client.request('GET', `/cases/search?${new URLSearchParams({ q })}`, SearchResponse, { signal });
    },
    /** Staff of one role, for the access pickers (supervisors only). */
    listStaff(role: Role, signal?: AbortSignal): Promise<z.output<typeof StaffList>> {
      return client.request('GET', `/staff?${new URLSearchParams({ role })}`, StaffList, { signal });
    },
    getAccess(caseId: string, signal?: AbortSignal): Promise<CaseAccess> {
      return client.request('GET', `${casePath(caseId)}/access`, CaseAccess, { signal });
    },
    /**
     * @param requestId an approved grant_outside request, for someone outside the case's category
     * @throws ApiError 409 `excluded` when the person is excluded from the case (the message says why), or
     *   `approval_required` when they work outside its category and no approved request is given
     */
    grant(caseId: string, userId: string, requestId?: string): Promise<CaseAccess> {
      return client.request('POST', `${casePath(caseId)}/grants`, CaseAccess, {
        body: requestId ? { userId, requestId } : { userId },
      });
    },
    revoke(caseId: string, userId: string): Promise<CaseAccess> {
      return client.request('DELETE', `${casePath(caseId)}/grants/${encodeURIComponent(userId)}`, CaseAccess);
    },
    exclude(caseId: string, exclusion: z.input<typeof ExclusionRequest>): Promise<CaseAccess> {
      return client.request('POST', `${casePath(caseId)}/exclusions`, CaseAccess, { body: exclusion });
    },
    /** @param requestId an approved lift_exclusion request, needed when the person was named in the report */
    removeExclusion(caseId: string, userId: string, requestId?: string): Promise<CaseAccess> {
      const query = requestId ? `?requestId=${encodeURIComponent(requestId)}` : '';
      return client.request(
        'DELETE',
        `${casePath(caseId)}/exclusions/${encodeURIComponent(userId)}${query}`,
        CaseAccess,
      );
    },
    setUrgent(caseId: string, change: z.input<typeof UrgentRequest>): Promise<z.output<typeof UrgentResponse>> {
      return client.request('POST', `${casePath(caseId)}/urgent`, UrgentResponse, { body: change });
    },
    /** @see ISO 37002:2021 §8.3 — needed before the case leaves "assessing". */
    recordRisk(caseId: string, assessment: z.input<typeof RiskRequest>): Promise<z.output<typeof RiskResponse>> {
      return client.request('POST', `${casePath(caseId)}/risk`, RiskResponse, { body: assessment });
    },
    addLink(caseId: string, link: z.input<typeof LinkRequest>): Promise<z.output<typeof LinksResponse>> {
      return client.request('POST', `${casePath(caseId)}/links`, LinksResponse, { body: link });
    },
    removeLink(caseId: string, otherId: string): Promise<z.output<typeof LinksResponse>> {
      return client.request('DELETE', `${casePath(caseId)}/links/${encodeURIComponent(otherId)}`, LinksResponse);
    },
    setLabels(caseId: string, labels: string[]): Promise<z.output<typeof LabelsResponse>> {
      return client.request('PUT', `${casePath(caseId)}/labels`, LabelsResponse, { body: { labels } });
    },
  };
}
