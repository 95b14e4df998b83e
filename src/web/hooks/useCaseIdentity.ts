/** Loads the reporter's identity as disclosed to the viewer (or that it was not); `reload()` after a decision. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseIdentity } from '../../shared/requests.ts';
import { isAbortError } from '../api/client.ts';
import { useApi } from '../api/context.ts';

export function useCaseIdentity(caseId: string) {
  const api = useApi();
  const [state, setState] = useState<{ identity: CaseIdentity | null; error: Error | null }>({
    identity: null,
    error: null,
  });
  const controller = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    api.caseIdentity(caseId, current.signal).then(
      (identity) => setState({ identity, error: null }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)) }));
      },
    );
  }, [api, caseId]);

  useEffect(() => {
    reload();
    return () => controller.current?.abort();
  }, [reload]);

  return { ...state, reload };
}
