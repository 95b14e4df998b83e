/**
 * Oversight officers read the audit log: each actor by display name and role, each action in plain words, newest
 * first, filtered by dates, actor, action and subject. Reading is itself audited (`audit.read`). The route admits
 * only oversight officers; the log never carries content, so no case grant is needed. Exporting: export.ts.
 * @see Directive (EU) 2016/680 Art. 25 (logs of consultation and disclosure, made available to the supervisory
 *   authority); REQUIREMENTS #28
 */
import { findDisplayNames } from '../../store/category-staff.ts';
import { ROLES, type Role } from '../../shared/api.ts';
import { actionMeaning } from '../../shared/audit-actions.ts';
import type { AuditActor, AuditEntryView, AuditPage } from '../../shared/audit.ts';
import {
  findFirstAuditSeqFrom,
  findLastAuditSeqUntil,
  findReportByReference,
  listAuditPage,
  listReportReferences,
  listUserNames,
} from '../../store/audit.ts';
import { inTransaction } from '../../store/transaction.ts';
import { audit } from './record.ts';
import { heldGrant } from '../../store/grants.ts';
import type { Viewer } from '../viewer.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';

type ReadDeps = Pick<Deps, 'db' | 'dialect' | 'now' | 'profile'>;

export interface AuditFilter {
  /** YYYY-MM-DD (UTC), inclusive. */
  from?: string | undefined;
  /** YYYY-MM-DD (UTC), inclusive. */
  to?: string | undefined;
  /** A user id, or `reporter`, `system`, `cli`. */
  actor?: string | undefined;
  /** The start of an action (`case.`, `case.read`). */
  action?: string | undefined;
  /** A report reference (R-…) or a subject as logged (`report:<id>`). */
  subject?: string | undefined;
  /** Entries older than this `seq`. */
  cursor?: number | undefined;
  /** Entries per page, 1–200. */
  limit: number;
}

/** `YYYY-MM-DDT00:00:00.000Z`. @throws invalid_date for a date that does not exist */
function dayStart(date: string, field: 'from' | 'to'): string {
  const start = `${date}T00:00:00.000Z`;
  const parsed = new Date(start);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString() !== start)
    throw errors.invalid('invalid_date', `There is no date ${date}. Write a date as YYYY-MM-DD.`, {
      [field]: 'No such date.',
    });
  return start;
}

/**
 * The sequence numbers a date range covers: the first entry written on or after `from`, the last written on or
 * before the last millisecond of `to`. The log is a chain by sequence number, so a range of dates becomes a
 * contiguous range of entries. Times are compared as ISO 8601 strings of one shape (`YYYY-MM-DDTHH:MM:SS.sssZ`), so
 * the bounds keep that shape for every date up to 9999-12-31 (the day after it would be `+010000-…`, which sorts
 * before every year).
 * @returns null when no entry falls in the range
 * @throws invalid_date | invalid_range (from after to)
 */
export async function seqRange(
  deps: Pick<Deps, 'db'>,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<{ min: number; max: number } | null> {
  const start = range.from === undefined ? null : dayStart(range.from, 'from');
  const end = range.to === undefined ? null : `${dayStart(range.to, 'to').slice(0, 10)}T23:59:59.999Z`;
  if (start !== null && end !== null && start > end)
    throw errors.invalid('invalid_range', 'The start date is after the end date. Swap them, or change one.', {
      from: 'After the end date.',
    });
  let min = 1;
  if (start !== null) {
    const first = await findFirstAuditSeqFrom(deps.db, start);
    if (!first) return null;
    min = first.seq;
  }
  const last = await findLastAuditSeqUntil(deps.db, end);
  if (!last || last.seq < min) return null;
  return { min, max: last.seq };
}

/** Ids of the profile's categories for complaints about officials. */
const complaintCategories = (deps: Pick<Deps, 'profile'>) =>
  deps
    .profile()
    .categories.filter((c) => c.kind === 'complaint_about_official')
    .map((c) => c.id);

/**
 * Whether an oversight officer sees a report's audit entries: every report, but a complaint about an official only
 * while they hold it (a case grant). At submission every unnamed oversight officer of its category got one, so a
 * colleague the complaint names cannot follow it through the log; and the rule needs no list of who is excluded,
 * which only holders of the case can read (src/domain/cases/exclusion-store.ts).
 * @see CEL 2023 Art. 52; DESIGN flow 7
 */
export async function seesReport(
  deps: Pick<Deps, 'db' | 'profile'>,
  userId: string,
  report: { id: string; category: string },
): Promise<boolean> {
  if (!complaintCategories(deps).includes(report.category)) return true;
  return (await heldGrant(deps.db, report.id, userId, 'case')) !== undefined;
}

/**
 * A subject filter as logged: a reference (R-…) becomes `report:<id>`.
 * @throws unknown_reference when no report has that reference, or it is a complaint the reader does not hold (alike)
 */
async function resolveSubject(deps: Pick<Deps, 'db' | 'profile'>, userId: string, subject: string): Promise<string> {
  if (/^[a-z_]+:/.test(subject)) return subject;
  const reference = subject.toUpperCase();
  const report = await findReportByReference(deps.db, reference);
  if (!report || !(await seesReport(deps, userId, report)))
    throw errors.invalid(
      'unknown_reference',
      `There is no report with the reference ${reference}. Check it; for a case destroyed at the end of its retention, filter by its subject ("report:" and its id) instead.`,
      { subject: 'No report has this reference.' },
    );
  return `report:${report.id}`;
}

const SPECIAL_ACTORS: Record<string, { kind: AuditActor['kind']; name: string }> = {
  reporter: { kind: 'reporter', name: 'The reporter' },
  system: { kind: 'system', name: 'Confide (automatic)' },
  cli: { kind: 'cli', name: 'An administrator on the server (command line)' },
};

function presentActor(actor: string | null, user: { name: string | null; role: string | null }): AuditActor {
  if (actor === null) return { kind: 'unknown', id: null, name: 'No one known', role: null };
  const special = SPECIAL_ACTORS[actor];
  if (special) return { ...special, id: actor, role: null };
  const role = (ROLES as readonly string[]).includes(user.role ?? '') ? (user.role as Role) : null;
  return user.name === null
    ? { kind: 'unknown', id: actor, name: 'An unknown account', role: null }
    : { kind: 'staff', id: actor, name: user.name, role };
}

/** `like` pattern for "starts with", with `%`, `_` and `\` taken literally. */
const startsWith = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of the log, newest first, with actors by name and role and actions in plain words, without the entries
 * about complaints the reader does not hold (`seesReport`). Audited as `audit.read` (subject: the report filtered on, if any;
 * reason: the filters).
 * @throws invalid_date | invalid_range | unknown_reference (400)
 */
export async function listAudit(
  deps: ReadDeps,
  viewer: Pick<Viewer, 'userId'>,
  filter: AuditFilter,
): Promise<AuditPage> {
  const subject = filter.subject === undefined ? undefined : await resolveSubject(deps, viewer.userId, filter.subject);
  const range = await seqRange(deps, filter);
  let items: AuditEntryView[] = [];
  let nextCursor: number | null = null;
  if (range) {
    const rows = await listAuditPage(deps.db, {
      minSeq: range.min,
      maxSeq: range.max,
      beforeSeq: filter.cursor,
      actor: filter.actor,
      subject,
      actionLike: filter.action === undefined ? undefined : startsWith(filter.action),
      hideUngranted: { userId: viewer.userId, categories: complaintCategories(deps) },
      limit: filter.limit + 1,
    });
    const page = rows.slice(0, filter.limit);
    if (rows.length > filter.limit) nextCursor = page[page.length - 1]!.seq;
    const references = await reportReferences(
      deps,
      page.map((r) => r.subject),
    );
    const userIds = [...new Set(page.flatMap((r) => (r.subject?.startsWith('user:') ? [r.subject.slice(5)] : [])))];
    const names = await findDisplayNames(deps.db, userIds);
    items = page.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: presentActor(r.actor, { name: r.userName, role: r.userRole }),
      action: r.action,
      actionText: actionMeaning(r.action).text,
      subject: r.subject,
      subjectText: subjectText(r.subject, references, names),
      reason: r.reason,
    }));
  }
  await inTransaction(deps.db, (trx) =>
    audit(deps, trx, {
      actor: viewer.userId,
      action: 'audit.read',
      subject: subject?.startsWith('report:') ? subject : null,
      reason: describeFilter({ ...filter, subject }),
    }),
  );
  return { items, nextCursor };
}

/** The filters in a few words, for the audit entry of a read (never content: dates, ids and action names). */
function describeFilter(filter: AuditFilter): string | null {
  const parts = (['from', 'to', 'actor', 'action', 'subject', 'cursor'] as const)
    .filter((k) => filter[k] !== undefined)
    .map((k) => `${k}=${filter[k]}`);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** References of the reports among `subjects` (`report:<id>`) that still exist, by id. */
async function reportReferences(deps: Pick<Deps, 'db'>, subjects: (string | null)[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(subjects.filter((s): s is string => s?.startsWith('report:') === true).map((s) => s.slice(7))),
  ];
  if (ids.length === 0) return new Map();
  const rows = await listReportReferences(deps.db, ids);
  return new Map(rows.map((r) => [r.id, r.reference]));
}

/** The subject in words: a report by its reference, a staff member by name, a profile version by number. */
function subjectText(
  subject: string | null,
  references: Map<string, string>,
  names: Map<string, string>,
): string | null {
  if (subject?.startsWith('user:')) return names.get(subject.slice(5)) ?? 'A former staff member';
  const version = /^profile:(\d+)$/.exec(subject ?? '')?.[1];
  if (version) return `Profile version ${version}`;
  if (!subject?.startsWith('report:')) return null;
  const reference = references.get(subject.slice(7));
  return reference ? `Report ${reference}` : 'A report that no longer exists';
}

/** Staff accounts, to filter the log by who acted. */
export async function listAuditActors(deps: Pick<Deps, 'db'>) {
  const rows = await listUserNames(deps.db);
  return rows.map((u) => ({ id: u.id, displayName: u.display_name, role: u.role as Role }));
}
