import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAnswer } from './answers.ts';
import { formatCalendarDate, formatDateTime, formatSize, isOverdue } from './format.ts';

describe('formatSize', () => {
  it('shows kilobytes below a megabyte, with one decimal under 10 KB', () => {
    expect(formatSize(0, 'en')).toBe('0 KB');
    expect(formatSize(1, 'en')).toBe('0.1 KB');
    expect(formatSize(512, 'en')).toBe('0.5 KB');
    expect(formatSize(1536, 'en')).toBe('1.5 KB');
    expect(formatSize(200 * 1024, 'en')).toBe('200 KB');
  });

  it('shows megabytes and gigabytes with one decimal', () => {
    expect(formatSize(1024 * 1024, 'en')).toBe('1 MB');
    expect(formatSize(3.45 * 1024 * 1024, 'en')).toBe('3.5 MB');
    expect(formatSize(2 * 1024 * 1024 * 1024, 'en')).toBe('2 GB');
  });
});

describe('formatDateTime', () => {
  it('shows an instant in the given time zone', () => {
    const iso = '2024-03-05T23:30:00.000Z';
    expect(formatDateTime(iso, { locale: 'en-GB', timeZone: 'UTC' })).toBe('5 Mar 2024, 23:30');
    expect(formatDateTime(iso, { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe('6 Mar 2024, 00:30');
  });

  it('returns what is not a date unchanged', () => {
    expect(formatDateTime('soon', { locale: 'en-GB' })).toBe('soon');
  });
});

describe('calendar dates west of UTC', () => {
  const originalTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/Los_Angeles';
  });
  afterAll(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('runs in a zone where the naive reading shifts the day', () => {
    // The mistake the helper avoids: 2024-03-05 parsed as UTC midnight is the evening of 4 March in LA.
    expect(new Date('2024-03-05').getDate()).toBe(4);
  });

  it('shows a YYYY-MM-DD answer as that same day', () => {
    expect(formatCalendarDate('2024-03-05', 'en-US')).toBe('March 5, 2024');
    expect(formatCalendarDate('2024-01-01', 'en-US')).toBe('January 1, 2024');
    expect(
      describeAnswer(
        { fieldId: 'when', label: 'When', type: 'date', value: '2023-12-31', optionLabels: null },
        'en-US',
      ),
    ).toBe('December 31, 2023');
  });

  it('leaves anything that is not a real calendar date unchanged', () => {
    expect(formatCalendarDate('2024-02-31', 'en-US')).toBe('2024-02-31');
    expect(formatCalendarDate('last spring', 'en-US')).toBe('last spring');
  });
});

describe('describeAnswer', () => {
  const answer = (type: string, value: string | string[] | boolean | null, optionLabels: string[] | null = null) => ({
    fieldId: 'f',
    label: 'F',
    type,
    value,
    optionLabels,
  });

  it('reads booleans, lists and empty answers plainly', () => {
    expect(describeAnswer(answer('checkbox', true))).toBe('Yes');
    expect(describeAnswer(answer('checkbox', false))).toBe('No');
    expect(describeAnswer(answer('multiple_choice', ['a', 'b']))).toEqual(['a', 'b']);
    expect(describeAnswer(answer('short_text', null))).toBe('Not answered');
    expect(describeAnswer(answer('multiple_choice', []))).toBe('Not answered');
    expect(describeAnswer(answer('long_text', 'line 1\nline 2'))).toBe('line 1\nline 2');
  });

  it('reads a choice as the labels the reporter saw', () => {
    expect(describeAnswer(answer('single_choice', 'saw', ['I saw or heard it myself']))).toBe(
      'I saw or heard it myself',
    );
    expect(describeAnswer(answer('multiple_choice', ['a', 'b'], ['Alpha', 'Beta']))).toEqual(['Alpha', 'Beta']);
  });
});

describe('isOverdue', () => {
  const now = new Date('2024-03-05T12:00:00Z');
  it('is true only for a past deadline', () => {
    expect(isOverdue('2024-03-05T11:59:59Z', now)).toBe(true);
    expect(isOverdue('2024-03-05T12:00:01Z', now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });
});
