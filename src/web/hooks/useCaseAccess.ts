/**
 * Who may see a case and who is excluded from it, the staff it can be granted to (handlers; oversight officers for a
 * complaint about an official) and the staff who can be excluded from it (handlers and supervisors; oversight
 * officers for a complaint) — loaded only for a viewer who manages access. `replace()` shows the access a grant,
 * revocation or exclusion returned.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CaseAccess, Role } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { isAbortError } from '../api/client.ts';
import type { StaffOption } from '../lib/access.ts';

export interface CaseAccessState {
  access: CaseAccess | null;
  handlers: StaffOption[];
  /** Everyone who could hold the case, so could be excluded from it. */
  excludable: StaffOption[];
  error: Error | null;
}

export function useCaseAccess(caseId: string, role: Role = 'handler') {
  const api = useApi();
  const [state, setState] = useState<CaseAccessState>({ access: null, handlers: [], excludable: [], error: null });

  useEffect(() => {
    const controller = new AbortController();
    // Supervisors hold ordinary cases too (their own category's at submission); a complaint only oversight officers.
    const managers = role === 'handler' ? api.listStaff('supervisor', controller.signal) : null;
    Promise.all([api.getAccess(caseId, controller.signal), api.listStaff(role, controller.signal), managers]).then(
      ([access, list, supervisors]) =>
        setState({
          access,
          handlers: list.staff,
          excludable: [...list.staff, ...(supervisors?.staff ?? [])],
          error: null,
        }),
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
