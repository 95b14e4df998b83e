/** Loads one case; `reload()` refreshes it in place (keeping what is shown), `update()` patches it locally. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseDetail } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { isAbortError } from '../api/client.ts';

export interface CaseDetailState {
  data: CaseDetail | null;
  error: Error | null;
  loading: boolean;
}

export function useCaseDetail(id: string) {
  const api = useApi();
  const [state, setState] = useState<CaseDetailState>({ data: null, error: null, loading: true });
  const controller = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState((s) => ({ ...s, loading: true }));
    api.getCase(id, current.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)), loading: false }));
      },
    );
  }, [api, id]);

  useEffect(() => {
    reload();
    return () => controller.current?.abort();
  }, [reload]);

  const update = useCallback((change: (data: CaseDetail) => CaseDetail) => {
    setState((s) => (s.data ? { ...s, data: change(s.data) } : s));
  }, []);

  return { ...state, reload, update };
}
