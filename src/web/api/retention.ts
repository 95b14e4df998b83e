/** The retention endpoints of the JSON API: when a case is destroyed, its legal hold, early deletion. Spread into the staff API. */
import { RetentionView } from '../../shared/retention.ts';
import type { ApiClient } from './client.ts';

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

export function createRetentionApi(client: ApiClient) {
  return {
    getRetention(caseId: string, signal?: AbortSignal): Promise<RetentionView> {
      return client.request('GET', `${casePath(caseId)}/retention`, RetentionView, { signal });
    },
    /** @throws ApiError 403 `not_manager`, 409 `already_held`, 422 `validation_failed` (no reason) */
    setLegalHold(caseId: string, reason: string): Promise<RetentionView> {
      return client.request('POST', `${casePath(caseId)}/legal-hold`, RetentionView, { body: { reason } });
    },
    /** @throws ApiError 403 `not_manager`, 409 `not_held`, 422 `validation_failed` (no reason) */
    liftLegalHold(caseId: string, reason: string): Promise<RetentionView> {
      return client.request('DELETE', `${casePath(caseId)}/legal-hold`, RetentionView, { body: { reason } });
    },
    /**
     * Destroys the case now, under the viewer's approved early_deletion request.
     * @throws ApiError 409 `approval_required`, `legal_hold`
     */
    deleteCase(caseId: string, requestId: string): Promise<void> {
      return client.requestNoContent('DELETE', `${casePath(caseId)}?${new URLSearchParams({ requestId })}`);
    },
  };
}
