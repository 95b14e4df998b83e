import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative.ts';

describe('relative times', () => {
  const now = Date.parse('2026-03-02T10:00:00Z');
  it('uses the largest unit that fits, in the language asked for', () => {
    expect(relativeTime('2026-03-04T11:00:00Z', 'en', now)).toBe('in 2 days');
    expect(relativeTime('2026-03-02T07:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(relativeTime('2026-03-02T10:00:20Z', 'en', now)).toBe('this minute');
    expect(relativeTime('2026-03-04T11:00:00Z', 'zh-CN', now)).toBe('后天');
  });
});
