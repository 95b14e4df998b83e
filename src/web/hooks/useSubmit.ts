/**
 * The busy / error / notice state every small case form shares. `run(work, fallback)` ignores a second submit
 * while one is in flight, shows the server's message on an ApiError (or `fallback` otherwise), and shows the
 * notice `work` resolves to. Resolves true on success.
 */
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';

export function useSubmit() {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const run = useCallback(async (work: () => Promise<string>, fallback: string): Promise<boolean> => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      setNotice(await work());
      return true;
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : fallback);
      return false;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, []);

  /** Shows a problem found before sending (an empty required field). */
  const refuse = useCallback((problem: string) => {
    setNotice('');
    setError(problem);
  }, []);

  return { busy, error, notice, run, refuse };
}
