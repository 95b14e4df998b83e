/** A case's enforcement action records and the officers who can be named; `add()` shows a record just saved. */
import { useCallback, useEffect, useState } from 'react';
import type { ActionView } from '../../shared/actions.ts';
import { isAbortError } from '../api/client.ts';
import { useApi } from '../api/context.ts';

export function useActions(caseId: string) {
  const api = useApi();
  const [actions, setActions] = useState<ActionView[] | null>(null);
  const [officers, setOfficers] = useState<{ id: string; displayName: string }[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([api.listActions(caseId, controller.signal), api.listOfficers(caseId, controller.signal)]).then(
      ([list, people]) => {
        setActions(list.actions);
        setOfficers(people.officers);
        setError(null);
      },
      (failure: unknown) => {
        if (isAbortError(failure)) return;
        setError(failure instanceof Error ? failure.message : 'The action records could not be loaded.');
      },
    );
    return () => controller.abort();
  }, [api, caseId]);

  const add = useCallback((action: ActionView) => setActions((list) => [...(list ?? []), action]), []);
  return { actions, officers, error, add };
}
