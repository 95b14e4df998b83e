import { describe, expect, it } from 'vitest';
import type { Statistics } from '../../shared/api.ts';
import {
  colourOf,
  formatDuration,
  formatShare,
  rangeProblem,
  seriesByCategory,
  seriesByChannel,
  weekLabels,
} from './series.ts';

const STATS: Statistics = {
  from: '2026-03-02',
  to: '2026-03-15',
  weekly: [
    { week: '2026-03-02', byCategory: { a: 1, b: 2 }, byChannel: { web: 2, phone: 1, other: 0 } },
    { week: '2026-03-09', byCategory: { a: 0, b: 4 }, byChannel: { web: 3, phone: 0, other: 1 } },
  ],
  categories: [
    { id: 'a', title: 'Bribery' },
    { id: 'b', title: 'Fraud' },
  ],
  medianHoursToAcknowledge: 20,
  medianHoursToClose: null,
  acknowledgedWithinDeadline: 0.6,
  overdueNow: 0,
  total: 7,
};

describe('weekly series', () => {
  it('gives one series per category, titled, with week totals', () => {
    expect(seriesByCategory(STATS)).toEqual({
      weeks: ['2026-03-02', '2026-03-09'],
      series: [
        { key: 'a', label: 'Bribery', values: [1, 0] },
        { key: 'b', label: 'Fraud', values: [2, 4] },
      ],
      totals: [3, 4],
    });
  });

  it('gives one series per channel, by its label (an unknown channel by its id)', () => {
    expect(seriesByChannel(STATS).series).toEqual([
      { key: 'web', label: 'Web form', values: [2, 3] },
      { key: 'phone', label: 'Phone', values: [1, 0] },
      { key: 'other', label: 'other', values: [0, 1] },
    ]);
  });

  it('labels weeks briefly, with the year only across years', () => {
    expect(weekLabels(['2026-03-02', '2026-03-09'], 'en-GB')).toEqual(['2 Mar', '9 Mar']);
    expect(weekLabels(['2025-12-29', '2026-01-05'], 'en-GB')).toEqual(['29 Dec 2025', '5 Jan 2026']);
  });

  it('cycles through the palette', () => {
    expect(colourOf(0)).toBe('#0072B2');
    expect(colourOf(8)).toBe('#0072B2');
  });
});

describe('figures in words', () => {
  it('says durations in days and hours', () => {
    expect(formatDuration(107.5)).toBe('4 days 12 hours');
    expect(formatDuration(24)).toBe('1 day');
    expect(formatDuration(23.6)).toBe('1 day');
    expect(formatDuration(20)).toBe('20 hours');
    expect(formatDuration(1)).toBe('1 hour');
    expect(formatDuration(49)).toBe('2 days 1 hour');
    expect(formatDuration(0.75)).toBe('45 minutes');
    expect(formatDuration(0.001)).toBe('less than a minute');
  });

  it('says shares as percentages', () => {
    expect(formatShare(0.6, 'en')).toBe('60%');
    expect(formatShare(2 / 3, 'en')).toBe('66.7%');
    expect(formatShare(1, 'en')).toBe('100%');
  });
});

describe('rangeProblem', () => {
  it('accepts empty fields (the server defaults) and an ordered range', () => {
    expect(rangeProblem('', '')).toBeNull();
    expect(rangeProblem('2026-03-01', '2026-03-01')).toBeNull();
  });

  it('names the field that is wrong', () => {
    expect(rangeProblem('2026-03-02', '2026-03-01')).toEqual({
      field: 'from',
      message: 'The start date must not be after the end date.',
    });
    expect(rangeProblem('2026-02-30', '')).toEqual({
      field: 'from',
      message: 'Enter the start date as a date, e.g. 2026-01-05.',
    });
    expect(rangeProblem('', '5.3.2026')?.field).toBe('to');
  });
});
