/** The staff accounts for the administrator's Users page; `put()` shows an account a create or an action returned. */
import { useCallback, useEffect, useState } from 'react';
import type { UserListItem } from '../../shared/accounts.ts';
import { useApi } from '../api/context.ts';
import { isAbortError } from '../api/client.ts';

export interface UsersState {
  /** null while loading */
  users: UserListItem[] | null;
  error: Error | null;
}

export function useUsers() {
  const api = useApi();
  const [state, setState] = useState<UsersState>({ users: null, error: null });

  useEffect(() => {
    const controller = new AbortController();
    api.listUsers(controller.signal).then(
      (list) => setState({ users: list.users, error: null }),
      (failure: unknown) => {
        if (isAbortError(failure)) return;
        setState((s) => ({ ...s, error: failure instanceof Error ? failure : new Error(String(failure)) }));
      },
    );
    return () => controller.abort();
  }, [api]);

  const put = useCallback(
    (user: UserListItem) =>
      setState((s) => {
        const others = (s.users ?? []).filter((u) => u.id !== user.id);
        return { ...s, users: [...others, user].sort((a, b) => a.username.localeCompare(b.username)) };
      }),
    [],
  );

  return { ...state, put };
}
