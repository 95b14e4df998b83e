/**
 * Display formatting. Instants (ISO 8601 timestamps from the API) are shown in the viewer's time zone;
 * calendar dates (a questionnaire's `date` answer, `YYYY-MM-DD`) are shown as that very date, with no time-zone
 * conversion, because they name a day, not an instant. Numbers and dates follow the workspace's current language
 * unless a locale is given (see {@link displayLocale}).
 */
import { matchLanguage } from '../../i18n/languages.ts';
import { i18n } from '../i18n/instance.ts';

/**
 * The locale to format in: the browser's own tag when it is a variant of the workspace language (`en-GB` for
 * English, so a British reader keeps day-month order; `ar-EG` for Arabic), else the workspace language itself.
 */
export function displayLocale(): string {
  const language = i18n.language;
  const browser = typeof navigator === 'undefined' ? undefined : navigator.language;
  return browser && matchLanguage(browser) === language ? browser : language;
}

const KIB = 1024;
const MIB = 1024 * KIB;
const GIB = 1024 * MIB;

/** @param bytes file size in bytes → "0.5 KB", "12 KB", "3.4 MB" (binary multiples, as file managers show). */
export function formatSize(bytes: number, locale: string = displayLocale()): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes <= 0) return '0 KB';
  if (bytes < MIB) return `${number(Math.max(bytes / KIB, 0.1), bytes < 10 * KIB ? 1 : 0)} KB`;
  if (bytes < GIB) return `${number(bytes / MIB, 1)} MB`;
  return `${number(bytes / GIB, 1)} GB`;
}

export interface DateOptions {
  /** BCP 47 tag; the workspace's language when omitted. */
  locale?: string;
  /** IANA zone; the viewer's own when omitted. */
  timeZone?: string;
}

/** An instant in the viewer's time zone, e.g. "5 Mar 2024, 14:30"; the input unchanged if it is not a date. */
export function formatDateTime(iso: string, { locale = displayLocale(), timeZone }: DateOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date `YYYY-MM-DD` as that same day, e.g. "March 5, 2024", whatever the viewer's time zone: the
 * date is built and formatted in UTC, so it never moves to the day before or after. Other input is returned
 * unchanged.
 */
export function formatCalendarDate(value: string, locale: string = displayLocale()): string {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return value;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2024-02-31 over to March: such a string is no date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Whether a deadline has passed (a case without a deadline is never overdue). */
export function isOverdue(dueAt: string | null, now: Date = new Date()): boolean {
  if (dueAt === null) return false;
  const due = new Date(dueAt).getTime();
  return !Number.isNaN(due) && due < now.getTime();
}
