/** Runs a content search over the viewer's granted cases whenever the term changes. */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { SearchResponse } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { isAbortError } from '../api/client.ts';

export interface CaseSearchState {
  result: z.output<typeof SearchResponse> | null;
  loading: boolean;
  error: Error | null;
}

export function useCaseSearch(term: string): CaseSearchState {
  const api = useApi();
  const [state, setState] = useState<CaseSearchState>({ result: null, loading: true, error: null });

  useEffect(() => {
    const controller = new AbortController();
    setState({ result: null, loading: true, error: null });
    api.searchCases(term, controller.signal).then(
      (result) => setState({ result, loading: false, error: null }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setState({ result: null, loading: false, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [api, term]);

  return state;
}
