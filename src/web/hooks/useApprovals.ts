/** The viewer's approvals on a case that are ready to use; `reload()` after one is used or newly decided. */
import { useCallback, useEffect, useState } from 'react';
import type { UsableApproval } from '../../shared/actions.ts';
import { isAbortError } from '../api/client.ts';
import { useApi } from '../api/context.ts';

export function useApprovals(caseId: string) {
  const api = useApi();
  const [approvals, setApprovals] = useState<UsableApproval[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.usableApprovals(caseId, controller.signal).then(
      (result) => {
        setApprovals(result.approvals);
        setError(null);
      },
      (failure: unknown) => {
        if (isAbortError(failure)) return;
        setError(failure instanceof Error ? failure.message : 'Your approvals could not be loaded.');
      },
    );
    return () => controller.abort();
  }, [api, caseId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { approvals, error, reload };
}
