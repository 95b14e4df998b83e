/**
 * Loads a list of approval requests — a box of mine (to decide, mine) or the requests on one case — and
 * `reload()`s it after a decision or a new request.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestBox, RequestView } from '../../shared/requests.ts';
import { isAbortError } from '../api/client.ts';
import { useApi } from '../api/context.ts';

export interface RequestsState {
  items: RequestView[] | null;
  error: Error | null;
}

export function useRequests(source: { box: RequestBox } | { caseId: string }) {
  const api = useApi();
  const [state, setState] = useState<RequestsState>({ items: null, error: null });
  const controller = useRef<AbortController | null>(null);
  const box = 'box' in source ? source.box : null;
  const caseId = 'caseId' in source ? source.caseId : null;

  const reload = useCallback(() => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    const load = caseId !== null ? api.caseRequests(caseId, current.signal) : api.listRequests(box!, current.signal);
    load.then(
      (list) => setState({ items: list.items, error: null }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)) }));
      },
    );
  }, [api, box, caseId]);

  useEffect(() => {
    reload();
    return () => controller.current?.abort();
  }, [reload]);

  return { ...state, reload };
}
