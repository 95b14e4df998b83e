/** Operator intake endpoints of the JSON API: record a report, print its receipt letter. Spread into the staff API. */
import { IntakeReceipt, RecentHandovers } from '../../shared/intake.ts';
import type { ApiClient } from './client.ts';

export function createIntakeApi(client: ApiClient) {
  return {
    /**
     * Sends a whole report in one request (text parts first, then files): nothing is stored unless all of it is.
     * @throws ApiError 422 `validation_failed` (details by field: `<field id>`, `identity.<id>`, `facts.<name>`),
     *   413 `too_large`, 503 `not_accepting`
     */
    recordReport(form: FormData): Promise<IntakeReceipt> {
      return client.request('POST', '/intake/reports', IntakeReceipt, { body: form });
    },
    /** The reports I recorded lately (reference, channel, time). */
    recentHandovers(signal?: AbortSignal): Promise<RecentHandovers> {
      return client.request('GET', '/intake/recent', RecentHandovers, signal ? { signal } : {});
    },
    /** The letter (PDF) that hands `receipt` over by post. */
    receiptLetter(receipt: string): Promise<Blob> {
      return client.requestBlob('POST', '/intake/letter', { body: { receipt } });
    },
  };
}
