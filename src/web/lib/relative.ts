/**
 * Times relative to now in the workspace's language ("in 2 days", "3 hours ago"), with Intl.RelativeTimeFormat:
 * the largest unit that fits, so a deadline reads at a glance.
 */
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** `iso` relative to `now` in `language`, e.g. "in 2 days", "3 hours ago", "now". */
export function relativeTime(iso: string, language: string, now = Date.now()): string {
  const diff = Date.parse(iso) - now;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit);
  }
  return format.format(0, 'minute');
}
