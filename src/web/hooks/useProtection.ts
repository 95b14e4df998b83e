/** Loads a case's protection requests; `replace()` shows the list a response returned. */
import { useCallback, useEffect, useState } from 'react';
import type { ProtectionList } from '../../shared/protection.ts';
import { useApi } from '../api/context.ts';
import { isAbortError } from '../api/client.ts';

export function useProtection(caseId: string) {
  const api = useApi();
  const [state, setState] = useState<{ list: ProtectionList | null; error: Error | null }>({
    list: null,
    error: null,
  });

  useEffect(() => {
    const controller = new AbortController();
    api.getProtection(caseId, controller.signal).then(
      (list) => setState({ list, error: null }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)) }));
      },
    );
    return () => controller.abort();
  }, [api, caseId]);

  const replace = useCallback((list: ProtectionList) => setState({ list, error: null }), []);

  return { ...state, replace };
}
