/** The categories for the case list's filter; an empty list while loading or if they cannot be loaded. */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { CategoryRef } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { isAbortError } from '../api/client.ts';

export type CategoryOption = z.output<typeof CategoryRef>;

export function useCategories(): { categories: CategoryOption[]; error: Error | null } {
  const api = useApi();
  const [categories, setCategories] = useState<CategoryOption[]>([]);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.listCategories(controller.signal).then(
      (list) => setCategories(list.categories.map(({ id, title }) => ({ id, title }))),
      (failure: unknown) => {
        if (!isAbortError(failure)) setError(failure instanceof Error ? failure : new Error(String(failure)));
      },
    );
    return () => controller.abort();
  }, [api]);

  return { categories, error };
}
