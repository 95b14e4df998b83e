/** The waits before answering repeated failures: growing, capped, and never more than `maxWaiting` at once. */
import { describe, expect, it } from 'vitest';
import { createSlowdown, failureDelayMs } from './slowdown.ts';

describe('failure slowdown', () => {
  it('lets five failures through, then waits 1 s, 2 s, 4 s … up to 30 s', () => {
    expect([1, 5, 6, 7, 8, 9, 10, 11, 12, 1000].map(failureDelayMs)).toEqual([
      0, 0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('holds at most maxWaiting answers at once; the next is refused at once, and a freed place is reused', async () => {
    const release: (() => void)[] = [];
    const asked: number[] = [];
    const slowdown = createSlowdown(2, (ms) => {
      asked.push(ms);
      return new Promise<void>((resolve) => release.push(resolve));
    });
    const first = slowdown.wait(1000);
    const second = slowdown.wait(120_000);
    expect(await slowdown.wait(1000)).toBe(false);
    expect(await slowdown.wait(0)).toBe(true); // no wait asked: never refused
    expect(asked).toEqual([1000, 30_000]);
    release.shift()!();
    expect(await first).toBe(true);
    const third = slowdown.wait(2000);
    release.shift()!();
    release.shift()!();
    expect([await second, await third]).toEqual([true, true]);
  });
});
