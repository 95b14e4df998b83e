/** The protection endpoints of the JSON API (MSS Order No. 2 Art. 6(2)). Spread into the staff API. */
import type { z } from 'zod';
import { ProtectionList, type ProtectionResponseRequest } from '../../shared/protection.ts';
import type { ApiClient } from './client.ts';

const protectionPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/protection`;

export function createProtectionApi(client: ApiClient) {
  return {
    /** The case's protection requests, oldest first, with the reporter's account and any response. */
    getProtection(caseId: string, signal?: AbortSignal): Promise<ProtectionList> {
      return client.request('GET', protectionPath(caseId), ProtectionList, { signal });
    },
    /** @throws ApiError 409 `already_answered` when someone answered first */
    respondToProtection(
      caseId: string,
      requestId: string,
      response: z.input<typeof ProtectionResponseRequest>,
    ): Promise<ProtectionList> {
      return client.request(
        'POST',
        `${protectionPath(caseId)}/${encodeURIComponent(requestId)}/response`,
        ProtectionList,
        {
          body: response,
        },
      );
    },
  };
}
