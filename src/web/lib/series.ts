/**
 * Pure helpers of the statistics page: weekly series for the charts and their tables, and the figures in words.
 * No DOM and no chart library here, so they are tested in Node.
 */
import { i18n } from '../i18n/language.ts';
import type { Channel, Statistics } from '../../shared/api.ts';
import { CHANNEL_LABELS } from './labels.ts';

export interface Series {
  key: string;
  label: string;
  /** One count per week, in the order of `WeeklySeries.weeks`. */
  values: number[];
}

export interface WeeklySeries {
  /** Mondays, YYYY-MM-DD. */
  weeks: string[];
  series: Series[];
  /** Reports per week, all series together. */
  totals: number[];
}

/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; yellow last (low on white). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];

export const colourOf = (index: number): string => PALETTE[index % PALETTE.length]!;

export function seriesByCategory(s: Statistics): WeeklySeries {
  return weekly(
    s,
    s.categories.map((c) => ({ key: c.id, label: c.title })),
    (w) => w.byCategory,
  );
}

export function seriesByChannel(s: Statistics): WeeklySeries {
  const channels = Object.keys(s.weekly[0]?.byChannel ?? {});
  return weekly(
    s,
    channels.map((key) => ({ key, label: CHANNEL_LABELS[key as Channel] ?? key })),
    (w) => w.byChannel,
  );
}

function weekly(
  s: Statistics,
  keys: { key: string; label: string }[],
  counts: (week: Statistics['weekly'][number]) => Record<string, number>,
): WeeklySeries {
  const series = keys.map(({ key, label }) => ({ key, label, values: s.weekly.map((w) => counts(w)[key] ?? 0) }));
  return {
    weeks: s.weekly.map((w) => w.week),
    series,
    totals: s.weekly.map((_, i) => series.reduce((sum, one) => sum + one.values[i]!, 0)),
  };
}

/** A week's Monday for a chart axis, e.g. "5 Jan"; with the year when the weeks span more than one. */
export function weekLabels(weeks: string[], locale?: string): string[] {
  const years = new Set(weeks.map((w) => w.slice(0, 4)));
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(years.size > 1 ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
  return weeks.map((w) => format.format(new Date(`${w}T00:00:00Z`)));
}

/**
 * Hours as days and hours, rounded to the hour, in the workspace's language: "4 days 12 hours", "1 day",
 * "20 hours", "45 minutes".
 */
export function formatDuration(hours: number): string {
  if (hours < 1) {
    const minutes = Math.round(hours * 60);
    return minutes < 1 ? i18n.t('duration.lessThanMinute') : i18n.t('duration.minutes', { count: minutes });
  }
  const whole = Math.round(hours);
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  const dayText = i18n.t('duration.days', { count: days });
  const hourText = i18n.t('duration.hours', { count: rest });
  if (days > 0 && rest > 0) return i18n.t('duration.joined', { days: dayText, hours: hourText });
  return days > 0 ? dayText : hourText;
}

/** A share 0–1 as a percentage with at most one decimal: "60%", "66.7%". */
export function formatShare(share: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatNumber(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What is wrong with a date range before it is sent, in words for the form; null when it can be asked for. The
 * server checks again (and enforces the two-year limit with the same message).
 */
export function rangeProblem(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  if (from && !isDate(from)) return { field: 'from', message: i18n.t('dateRange.startDate') };
  if (to && !isDate(to)) return { field: 'to', message: i18n.t('dateRange.endDate') };
  if (from && to && from > to) return { field: 'from', message: i18n.t('dateRange.order') };
  return null;
}

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
