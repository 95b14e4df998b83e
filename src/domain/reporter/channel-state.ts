/**
 * Whether the web channel takes reports and whether setup is still needed, for pages every visitor loads.
 * Read from the database at most once a second per process (concurrent callers share one read): a stale
 * answer only changes what the landing page says, since ReportDraft.submit checks again before storing.
 */
import type { Deps } from '../deps.ts';
import { needsSetup } from '../accounts/setup.ts';
import { acceptingReports } from './submit.ts';

export interface ChannelState {
  accepting: boolean;
  needsSetup: boolean;
}

export function channelStateReader(deps: Pick<Deps, 'db' | 'now'>, ttlMs = 1000): () => Promise<ChannelState> {
  let cached: { at: number; value: Promise<ChannelState> } | null = null;
  return () => {
    const now = deps.now().getTime();
    if (!cached || now - cached.at >= ttlMs) {
      const value = Promise.all([acceptingReports(deps), needsSetup(deps)]).then(([accepting, setup]) => ({
        accepting,
        needsSetup: setup,
      }));
      cached = { at: now, value };
      // A failed read is not kept: the next caller tries again.
      value.catch(() => {
        if (cached?.value === value) cached = null;
      });
    }
    return cached.value;
  };
}
