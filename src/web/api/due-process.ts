/**
 * Enforcement action records, the approvals that gated steps use, and certificate checks, as endpoints of the JSON
 * API. Spread into the staff API. Downloads (originals, exports) are addresses the browser follows itself: the
 * server sends them as attachments.
 */
import type { z } from 'zod';
import { ActionList, ActionView, OfficerList, UsableApprovals, type ActionInput } from '../../shared/actions.ts';
import { CertificateVerifyResponse } from '../../shared/certificates.ts';
import type { ApiClient } from './client.ts';

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
const withRequest = (requestId: string) => `?${new URLSearchParams({ requestId })}`;

export function createDueProcessApi(client: ApiClient) {
  return {
    listActions(caseId: string, signal?: AbortSignal): Promise<z.output<typeof ActionList>> {
      return client.request('GET', `${casePath(caseId)}/actions`, ActionList, { signal });
    },
    listOfficers(caseId: string, signal?: AbortSignal): Promise<z.output<typeof OfficerList>> {
      return client.request('GET', `${casePath(caseId)}/actions/officers`, OfficerList, { signal });
    },
    /**
     * Sends the record as multipart/form-data: the `action` part first, then the recording, if any.
     * @throws ApiError 400 officers_required | recording_required | recording_type | invalid_action;
     *   409 approval_required
     */
    recordAction(caseId: string, action: ActionInput, recording: File | null): Promise<z.output<typeof ActionView>> {
      const form = new FormData();
      form.append('action', JSON.stringify(action));
      if (recording) form.append('recording', recording, recording.name);
      return client.request('POST', `${casePath(caseId)}/actions`, ActionView, { body: form });
    },
    /** My approvals on the case that are ready to use. */
    usableApprovals(caseId: string, signal?: AbortSignal): Promise<z.output<typeof UsableApprovals>> {
      return client.request('GET', `${casePath(caseId)}/approvals`, UsableApprovals, { signal });
    },
    /** Where the browser downloads a file's original; following it uses the approval. */
    originalUrl(caseId: string, fileId: string, requestId: string): string {
      return client.url(`${casePath(caseId)}/files/${encodeURIComponent(fileId)}/original${withRequest(requestId)}`);
    },
    /** Where the browser downloads the case's export bundle; following it uses the approval. */
    exportUrl(caseId: string, requestId: string): string {
      return client.url(`${casePath(caseId)}/export${withRequest(requestId)}`);
    },
    verifyCertificate(code: string): Promise<CertificateVerifyResponse> {
      return client.request('POST', '/certificates/verify', CertificateVerifyResponse, { body: { code } });
    },
  };
}
