/**
 * Slowing repeated failures without locking anyone out (issue 8 item 5): a receipt's right secret always passes, and
 * only failed attempts wait before they are answered — so five near misses on a reporter's locator no longer lock
 * that reporter out, while a guesser on it gets slower answers. The waits are bounded: each is capped, and at most
 * `maxWaiting` answers wait at once in this process; past that a failure is answered at once with 429, so that no
 * one can hold an unbounded number of connections or timers open. The failures are counted by `slowReceiptFailure`
 * (src/domain/throttle.ts).
 */
import { setTimeout as sleepMs } from 'node:timers/promises';
import { MINUTE } from '../shared/time.ts';

/** Failures on one key in the window that are answered without waiting. */
export const FREE_FAILURES = 5;
/** The window failures are counted in, in ms. */
export const FAILURE_WINDOW_MS = 15 * MINUTE;
/** The first wait, in ms; each further failure doubles it. */
export const FIRST_DELAY_MS = 1000;
/** The longest wait, in ms. */
export const MAX_DELAY_MS = 30_000;

/**
 * How long the `failures`-th failure in the window waits, in ms: none for the first FREE_FAILURES, then 1 s, 2 s,
 * 4 s … up to MAX_DELAY_MS.
 */
export function failureDelayMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - FREE_FAILURES - 1, 30));
}

export interface Slowdown {
  /**
   * Waits `ms` before a failure is answered.
   * @returns false, at once, when `maxWaiting` answers already wait (the caller answers 429)
   */
  wait(ms: number): Promise<boolean>;
}

/**
 * @param maxWaiting answers that may wait at once in this process
 * @param sleep how to wait (tests pass one that records the wait and returns at once)
 */
export function createSlowdown(
  maxWaiting: number,
  sleep: (ms: number) => Promise<unknown> = (ms) => sleepMs(ms),
): Slowdown {
  let waiting = 0;
  return {
    async wait(ms) {
      if (ms <= 0) return true;
      if (waiting >= maxWaiting) return false;
      waiting++;
      try {
        await sleep(Math.min(ms, MAX_DELAY_MS));
      } finally {
        waiting--;
      }
      return true;
    },
  };
}
