/** Load runs that Ctrl-C can stop. */
import { type Load, type LoadResult } from './autocannon.ts';
import { interrupted, onCleanup } from './cleanup.ts';

/** Waits for a load run; stopped by Ctrl-C (and then throws, so that nothing more is started). */
export async function settle(load: Load | Promise<Load>): Promise<LoadResult> {
  const started = await load;
  const unregister = onCleanup('stop load', () => started.stop());
  try {
    const result = await started.result;
    if (interrupted.aborted) throw new Error('interrupted');
    return result;
  } finally {
    unregister();
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
