/** Loads the statistics for a date range; a new range (or `reload`) asks again, dropping any answer still on its way. */
import { useEffect, useState } from 'react';
import type { Statistics } from '../../shared/api.ts';
import { isAbortError } from '../api/client.ts';
import { useApi } from '../api/context.ts';
import type { StatisticsRange } from '../api/staff.ts';

export interface StatisticsState {
  data: Statistics | null;
  phase: 'loading' | 'ready';
  error: Error | null;
}

export function useStatistics({ from, to }: StatisticsRange): StatisticsState {
  const api = useApi();
  const [state, setState] = useState<StatisticsState>({ data: null, phase: 'loading', error: null });

  useEffect(() => {
    const controller = new AbortController();
    // The figures of the previous range stay on screen, marked as loading, until the new ones arrive.
    setState((s) => ({ ...s, phase: 'loading', error: null }));
    api.getStatistics({ from, to }, controller.signal).then(
      (data) => setState({ data, phase: 'ready', error: null }),
      (error: unknown) => {
        if (!isAbortError(error))
          setState({ data: null, phase: 'ready', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => controller.abort();
  }, [api, from, to]);

  return state;
}
