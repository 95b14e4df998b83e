import { afterEach, describe, expect, it, vi } from 'vitest';
import { withConsoleCaptured } from './console-capture.ts';

describe('withConsoleCaptured', () => {
  afterEach(() => vi.restoreAllMocks());

  it('takes only what the call prints, passes what others print meanwhile on, and puts the console back', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const lines: string[] = [];
    const call = withConsoleCaptured(
      (line) => lines.push(line),
      async () => {
        console.warn('inside %d', 1);
        await gate;
        console.log('inside', { after: 'await' });
        return 'done';
      },
    );
    // Another request, while the call waits: not captured.
    await Promise.resolve();
    console.warn('outside');
    release();

    expect(await call).toBe('done');
    expect(lines).toEqual(['inside 1', "inside { after: 'await' }"]);
    expect(warn.mock.calls).toEqual([['outside']]);
    expect(log.mock.calls).toEqual([]);
    expect([console.warn, console.log]).toEqual([warn, log]);
  });

  it('stays in place until the last of overlapping calls ends, and after a rejection too', async () => {
    const original = console.warn;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const long = withConsoleCaptured(
      () => undefined,
      () => gate,
    );
    await expect(
      withConsoleCaptured(
        () => undefined,
        async () => {
          throw new Error('refused');
        },
      ),
    ).rejects.toThrow('refused');
    expect(console.warn).not.toBe(original);
    release();
    await long;
    expect(console.warn).toBe(original);
  });
});
