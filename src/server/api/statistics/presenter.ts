/**
 * Statistics as a CSV file (RFC 4180, UTF-8 with a byte order mark so spreadsheets read the titles right): one
 * row per week with a column per category and per channel, then the summary figures.
 */
import type { Statistics } from '../../../shared/api.ts';

const CRLF = '\r\n';
/** Spreadsheets run a cell starting with one of these as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: a text that a spreadsheet would take for a formula gets a leading `'`; a field holding a comma,
 * quote or line break is quoted, its quotes doubled. Numbers are written as they are (a minus sign stays a sign).
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (fields: (string | number | null)[]): string => fields.map(csvField).join(',') + CRLF;

export function statisticsCsv(s: Statistics): string {
  const channels = Object.keys(s.weekly[0]?.byChannel ?? {});
  let csv = '\uFEFF';
  csv += csvRow([
    'Week (Monday)',
    ...s.categories.map((c) => c.title),
    ...channels.map((channel) => `Channel: ${channel}`),
    'Total',
  ]);
  for (const w of s.weekly) {
    const total = Object.values(w.byCategory).reduce((sum, n) => sum + n, 0);
    csv += csvRow([
      w.week,
      ...s.categories.map((c) => w.byCategory[c.id] ?? 0),
      ...channels.map((channel) => w.byChannel[channel] ?? 0),
      total,
    ]);
  }
  const share = s.acknowledgedWithinDeadline === null ? null : Math.round(s.acknowledgedWithinDeadline * 1000) / 10;
  csv += CRLF;
  csv += csvRow(['Figure', 'Value']);
  csv += csvRow(['From', s.from]);
  csv += csvRow(['To', s.to]);
  csv += csvRow(['Reports received', s.total]);
  csv += csvRow(['Median hours to acknowledge', s.medianHoursToAcknowledge]);
  csv += csvRow(['Median hours to close', s.medianHoursToClose]);
  csv += csvRow(['Acknowledged within deadline (%)', share]);
  csv += csvRow(['Overdue now', s.overdueNow]);
  return csv;
}

/** `confide-statistics-2026-01-05-2026-03-29.csv` (the dates are checked YYYY-MM-DD, so the name is plain ASCII). */
export const statisticsFileName = (s: Pick<Statistics, 'from' | 'to'>): string =>
  `confide-statistics-${s.from}-${s.to}.csv`;
