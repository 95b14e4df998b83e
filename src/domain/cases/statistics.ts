/**
 * Statistics for supervisors and administrators: how many reports came in, by which channel and category, and how
 * promptly they were handled. Built from non-content columns of `reports` only (category, channel, status and
 * times): no sealed column is read and no key is opened, so a role without case grants may see them.
 *
 * Counting is aggregated in SQL per calendar day (UTC) and folded into ISO weeks here; medians are picked by
 * ORDER BY … LIMIT/OFFSET, which both SQLite and PostgreSQL answer from a sort of one number per case.
 * @see Directive (EU) 2019/1937 Art. 9(1)(b) (acknowledge within 7 days), Art. 27 (annual statistics)
 */
import { CHANNELS, type Statistics } from '../../shared/api.ts';
import { DAY } from '../../shared/time.ts';
import { countOverdue, countReceivedByDay, countReceivedTotals, hoursToColumn } from '../../store/statistics.ts';
import { inTransaction } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';

/** The dates statistics accept (inclusive). */
const FIRST_DAY = '1970-01-01';
const LAST_DAY = '9000-12-31';
/** Weeks shown when no start date is given: this week and the 11 before it. */
export const DEFAULT_WEEKS = 12;
/** Longest range, in years: at most 105 weekly rows, and a bounded query. */
export const MAX_YEARS = 2;

export interface StatisticsRange {
  /** YYYY-MM-DD (UTC), inclusive; default: the Monday DEFAULT_WEEKS − 1 weeks before `to`'s week. */
  from?: string | undefined;
  /** YYYY-MM-DD (UTC), inclusive; default: today. */
  to?: string | undefined;
}

type StatisticsDeps = Pick<Deps, 'db' | 'dialect' | 'now' | 'profile'>;

/**
 * Reports received in [from, to] by ISO week, category and channel; median hours to acknowledgement and to
 * closing of those reports; the share acknowledged by their deadline; open cases overdue now (whatever the range).
 * @throws DomainError invalid (400) `invalid_date` or `invalid_range`: a date that does not exist, from after to,
 *   or a range longer than MAX_YEARS years
 */
export async function statistics(deps: StatisticsDeps, range: StatisticsRange): Promise<Statistics> {
  const now = deps.now();
  const { from, to } = resolveRange(range, now);
  const start = `${from}T00:00:00.000Z`;
  const end = `${addDays(to, 1)}T00:00:00.000Z`;
  const nowIso = now.toISOString();
  // Independent queries: PostgreSQL runs them side by side on the pool; SQLite's one connection takes them in turn.
  const [daily, totals, overdueNow] = await Promise.all([
    countReceivedByDay(deps.db, start, end),
    countReceivedTotals(deps.db, start, end, nowIso),
    countOverdue(deps.db, nowIso),
  ]);
  const [medianHoursToAcknowledge, medianHoursToClose] = await Promise.all([
    medianHours(deps, start, end, 'acknowledged_at', Number(totals.acknowledged)),
    medianHours(deps, start, end, 'closed_at', Number(totals.closed)),
  ]);

  const { weekly, categories, total } = foldWeeks(deps, from, to, daily);
  return {
    from,
    to,
    weekly,
    categories,
    medianHoursToAcknowledge,
    medianHoursToClose,
    acknowledgedWithinDeadline: Number(totals.decided) === 0 ? null : Number(totals.inTime) / Number(totals.decided),
    overdueNow,
    total,
  };
}

/**
 * `statistics` for a staff member, recorded in the audit log (who and which range; never a number or a case).
 * @param action 'statistics.read' (the page) or 'statistics.export' (the CSV file)
 */
export async function readStatistics(
  deps: StatisticsDeps,
  actor: string,
  range: StatisticsRange,
  action: 'statistics.read' | 'statistics.export',
): Promise<Statistics> {
  const result = await statistics(deps, range);
  await inTransaction(deps.db, (trx) => audit(deps, trx, { actor, action, reason: `${result.from}..${result.to}` }));
  return result;
}

/** The range asked for, with defaults filled in. @throws DomainError invalid */
export function resolveRange(range: StatisticsRange, now: Date): { from: string; to: string } {
  const to = range.to ? checkDate(range.to, 'to') : now.toISOString().slice(0, 10);
  const from = range.from ? checkDate(range.from, 'from') : addDays(weekOf(to), -7 * (DEFAULT_WEEKS - 1));
  if (from > to)
    throw errors.invalid('invalid_range', 'The start date must not be after the end date.', {
      from: `must be on or before ${to}`,
    });
  const limit = addYears(from, MAX_YEARS);
  if (to >= limit)
    throw errors.invalid(
      'invalid_range',
      `The range may span at most ${MAX_YEARS} years: choose an end date before ${limit}, or a later start date.`,
      { to: `must be before ${limit}` },
    );
  return { from, to };
}

/** The Monday (YYYY-MM-DD) of the ISO week holding a day. */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  return addDays(day, -((date.getUTCDay() + 6) % 7));
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY).toISOString().slice(0, 10);
}

function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

function checkDate(value: string, field: 'from' | 'to'): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00.000Z`) : null;
  // A date must name itself: 2026-02-30 would roll over to 2 March.
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw errors.invalid('invalid_date', `"${value}" is not a date. Use the form YYYY-MM-DD, e.g. 2024-03-05.`, {
      [field]: 'not a date (YYYY-MM-DD)',
    });
  // Weeks are walked as YYYY-MM-DD strings; past year 9998 a week would start in year 10000 ("+010000-…"), which
  // sorts before every date and would never end the walk.
  if (value < FIRST_DAY || value > LAST_DAY)
    throw errors.invalid('invalid_date', `Choose a date between ${FIRST_DAY} and ${LAST_DAY}.`, {
      [field]: `must be between ${FIRST_DAY} and ${LAST_DAY}`,
    });
  return value;
}

/** Daily counts → one row per week of the range (weeks without reports included), every category and channel. */
function foldWeeks(
  deps: Pick<Deps, 'profile'>,
  from: string,
  to: string,
  daily: { day: string; category: string; channel: string; n: number | string }[],
): Pick<Statistics, 'weekly' | 'categories' | 'total'> {
  const categories = deps.profile().categories.map((c) => ({ id: c.id, title: c.title }));
  const channels: string[] = [...CHANNELS];
  // A category since removed from the profile, or an unknown channel, still counts: under its id.
  for (const row of daily) {
    if (!categories.some((c) => c.id === row.category)) categories.push({ id: row.category, title: row.category });
    if (!channels.includes(row.channel)) channels.push(row.channel);
  }
  const zeros = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, 0]));
  const weeks = new Map<string, Statistics['weekly'][number]>();
  for (let week = weekOf(from); week <= to; week = addDays(week, 7))
    weeks.set(week, { week, byCategory: zeros(categories.map((c) => c.id)), byChannel: zeros(channels) });
  let total = 0;
  for (const row of daily) {
    const n = Number(row.n);
    const week = weeks.get(weekOf(row.day))!;
    week.byCategory[row.category]! += n;
    week.byChannel[row.channel]! += n;
    total += n;
  }
  return { weekly: [...weeks.values()], categories, total };
}

/** Median of the hours from receipt to `column`, over reports received in [start, end) that have it. */
async function medianHours(
  deps: Pick<Deps, 'db' | 'dialect'>,
  start: string,
  end: string,
  column: 'acknowledged_at' | 'closed_at',
  count: number,
): Promise<number | null> {
  if (count === 0) return null;
  // The middle one (odd count) or the middle two (even count).
  const rows = await hoursToColumn(deps.db, deps.dialect, { start, end }, column, {
    limit: count % 2 === 1 ? 1 : 2,
    offset: Math.floor((count - 1) / 2),
  });
  // Rows changed since they were counted: what is left is still the best answer.
  if (rows.length === 0) return null;
  const middle = rows.reduce((sum, hours) => sum + hours, 0) / rows.length;
  // To the hundredth of an hour (36 s): julianday's float arithmetic is exact to milliseconds, not beyond.
  return Math.round(middle * 100) / 100;
}
