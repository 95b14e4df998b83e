/**
 * The approvals (two-person rule) and identity endpoints of the JSON API: ask for an approval, decide one, the
 * boxes, the requests on a case, and the reporter's identity as disclosed to the viewer. Spread into the staff
 * API by `createStaffApi`.
 */
import type { z } from 'zod';
import {
  CaseIdentity,
  CreateRequestResponse,
  DecisionResponse,
  RequestList,
  type CreateRequestBody,
  type DecisionBody,
  type RequestBox,
} from '../../shared/requests.ts';
import type { ApiClient } from './client.ts';

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

export function createRequestsApi(client: ApiClient) {
  return {
    /** to_decide: pending requests I may decide; mine: my own requests, newest first. */
    listRequests(box: RequestBox, signal?: AbortSignal): Promise<RequestList> {
      return client.request('GET', `/requests?${new URLSearchParams({ box })}`, RequestList, { signal });
    },
    caseRequests(caseId: string, signal?: AbortSignal): Promise<RequestList> {
      return client.request('GET', `${casePath(caseId)}/requests`, RequestList, { signal });
    },
    /**
     * @throws ApiError 422 `validation_failed` (details name the field), 409 `no_decider`, `already_requested`,
     *   `already_disclosed`
     */
    createRequest(body: CreateRequestBody): Promise<z.output<typeof CreateRequestResponse>> {
      return client.request('POST', '/requests', CreateRequestResponse, { body });
    },
    /** @throws ApiError 409 `own_request`, `decided`, `expired`, `requester_gone`; 404 when not mine to decide */
    decideRequest(id: string, body: DecisionBody): Promise<z.output<typeof DecisionResponse>> {
      return client.request('POST', `/requests/${encodeURIComponent(id)}/decision`, DecisionResponse, { body });
    },
    /** The reporter's identity if it was disclosed to me (each reading is recorded), otherwise only that it was not. */
    caseIdentity(caseId: string, signal?: AbortSignal): Promise<CaseIdentity> {
      return client.request('GET', `${casePath(caseId)}/identity`, CaseIdentity, { signal });
    },
  };
}
