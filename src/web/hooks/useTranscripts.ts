/** A case's transcripts and minutes with the reporter's corrections; `add()` shows one just saved. */
import { useCallback, useEffect, useState } from 'react';
import type { TranscriptView } from '../../shared/transcripts.ts';
import { isAbortError } from '../api/client.ts';
import { useApi } from '../api/context.ts';

export function useTranscripts(caseId: string) {
  const api = useApi();
  const [transcripts, setTranscripts] = useState<TranscriptView[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.listTranscripts(caseId, controller.signal).then(
      (list) => {
        setTranscripts(list.transcripts);
        setError(null);
      },
      (failure: unknown) => {
        if (isAbortError(failure)) return;
        setError(failure instanceof Error ? failure.message : 'The transcripts could not be loaded.');
      },
    );
    return () => controller.abort();
  }, [api, caseId]);

  const add = useCallback((t: TranscriptView) => setTranscripts((list) => [...(list ?? []), t]), []);
  return { transcripts, error, add };
}
