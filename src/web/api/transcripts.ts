/** Transcripts and minutes of oral reports on a case, as endpoints of the JSON API. Spread into the staff API. */
import type { z } from 'zod';
import { TranscriptList, TranscriptView, type TranscriptInput } from '../../shared/transcripts.ts';
import type { ApiClient } from './client.ts';

const path = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/transcripts`;

export function createTranscriptsApi(client: ApiClient) {
  return {
    listTranscripts(caseId: string, signal?: AbortSignal): Promise<z.output<typeof TranscriptList>> {
      return client.request('GET', path(caseId), TranscriptList, { signal });
    },
    /**
     * Sends the minutes as multipart/form-data: the `minutes` part first, then the recording, if any.
     * @throws ApiError 400 invalid_minutes | recording_without_consent | recording_type; 413 too_large
     */
    addMinutes(caseId: string, minutes: TranscriptInput, recording: File | null): Promise<TranscriptView> {
      const form = new FormData();
      form.append('minutes', JSON.stringify(minutes));
      if (recording) form.append('recording', recording, recording.name);
      return client.request('POST', path(caseId), TranscriptView, { body: form });
    },
  };
}
