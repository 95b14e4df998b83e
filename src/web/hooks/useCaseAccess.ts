/**
 * Who may see a case and who is excluded from it, and the staff it can be granted to (handlers; oversight
 * officers for a complaint about an official) — loaded only for a viewer who manages access. `replace()` shows
 * the access a grant, revocation or exclusion returned.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CaseAccess, Role } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { isAbortError } from '../api/client.ts';
import type { StaffOption } from '../lib/access.ts';

export interface CaseAccessState {
  access: CaseAccess | null;
  handlers: StaffOption[];
  error: Error | null;
}

export function useCaseAccess(caseId: string, role: Role = 'handler') {
  const api = useApi();
  const [state, setState] = useState<CaseAccessState>({ access: null, handlers: [], error: null });

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([api.getAccess(caseId, controller.signal), api.listStaff(role, controller.signal)]).then(
      ([access, list]) => setState({ access, handlers: list.staff, error: null }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)) }));
      },
    );
    return () => controller.abort();
  }, [api, caseId, role]);

  const replace = useCallback((access: CaseAccess) => setState((s) => ({ ...s, access })), []);

  return { ...state, replace };
}
