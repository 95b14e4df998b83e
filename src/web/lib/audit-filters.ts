/**
 * The audit log's filters, kept in the URL query (`/staff/audit?from=…&to=…&actor=…&action=…&subject=…`) so a view
 * can be bookmarked and the back button works. Values the server would refuse are dropped when read.
 */
import { i18n } from '../i18n/language.ts';
import { rangeProblem } from './series.ts';

export interface AuditFilters {
  /** YYYY-MM-DD (UTC), inclusive. */
  from?: string;
  to?: string;
  /** A user id, or `reporter` / `system` / `cli`. */
  actor?: string;
  /** The start of an action: `case.`, `case.read`. */
  action?: string;
  /** A report reference (R-…) or a subject as logged (`report:<id>`). */
  subject?: string;
}

const KEYS = ['from', 'to', 'actor', 'action', 'subject'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z_.]{1,60}$/;

/** Reads the filters from a query string. */
export function parseAuditFilters(search: string): AuditFilters {
  const params = new URLSearchParams(search);
  const filters: AuditFilters = {};
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key);
    if (value && DATE.test(value)) filters[key] = value;
  }
  const actor = params.get('actor')?.trim();
  if (actor && actor.length <= 100) filters.actor = actor;
  const action = params.get('action')?.trim().toLowerCase();
  if (action && ACTION.test(action)) filters.action = action;
  const subject = params.get('subject')?.trim();
  if (subject && subject.length <= 200) filters.subject = subject;
  return filters;
}

/** `?from=…&to=…&actor=…&action=…&subject=…` in that order, or '' for none. */
export function auditFiltersToSearch(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return KEYS.some((key) => Boolean(filters[key]));
}

/**
 * What is wrong with filters typed into the form, naming the field to fix; null when they can be sent.
 * @returns the field and a message that says how to fix it
 */
export function auditFilterProblem(filters: AuditFilters): { field: 'from' | 'to' | 'action'; message: string } | null {
  const range = rangeProblem(filters.from ?? '', filters.to ?? '');
  if (range) return range;
  if (filters.action && !ACTION.test(filters.action))
    return { field: 'action', message: i18n.t('auditFilterForm.actionProblem') };
  return null;
}

/** A report reference (R- and eight letters or digits), for which a record of accesses can be downloaded. */
export function referenceIn(subject: string | undefined): string | null {
  const value = subject?.trim().toUpperCase() ?? '';
  return /^R-[0-9A-F]{8}$/.test(value) ? value : null;
}
