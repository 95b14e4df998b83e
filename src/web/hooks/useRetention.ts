/**
 * Loads a case's retention (when it is destroyed, its legal hold), again whenever its status changes (closing
 * starts the retention clock); `replace()` shows what a legal hold change returned.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CaseStatus } from '../../shared/api.ts';
import type { RetentionView } from '../../shared/retention.ts';
import { useApi } from '../api/context.ts';
import { isAbortError } from '../api/client.ts';

export function useRetention(caseId: string, status: CaseStatus) {
  const api = useApi();
  const [state, setState] = useState<{ view: RetentionView | null; error: Error | null }>({
    view: null,
    error: null,
  });

  useEffect(() => {
    const controller = new AbortController();
    api.getRetention(caseId, controller.signal).then(
      (view) => setState({ view, error: null }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)) }));
      },
    );
    return () => controller.abort();
  }, [api, caseId, status]);

  const replace = useCallback((view: RetentionView) => setState({ view, error: null }), []);

  return { ...state, replace };
}
