/**
 * The record, for one reporter, of every access to their report: when, and for what purpose, with each staff member
 * shown only as a pseudonym stable within that report ("Staff member A", "Staff member B", … in order of first
 * appearance). Never a user id, name or role: the audit entry's actor and reason stay on the server. The reporter's
 * own steps and automatic jobs are labelled as such. Purposes come from the one table in src/shared/audit.ts.
 * @see CJEU C-579/21 (Pankki S): the data subject may learn the dates and purposes of consultations of their data,
 *   not the identity of the employees; Directive (EU) 2016/680 Art. 25; REQUIREMENTS #29
 */
import { actionMeaning } from '../../shared/audit-actions.ts';
import type { AccessLog, AccessLogEntry } from '../../shared/audit.ts';
import { findReportByReference } from '../../store/audit.ts';
import { findReportReference, listAuditEntriesAbout, listReportSubjects } from '../../store/access-log.ts';
import { inTransaction } from '../../store/transaction.ts';
import { audit } from './record.ts';
import { seesReport } from './read.ts';
import type { Viewer } from '../viewer.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';

/** "A" … "Z", "AA", "AB" …: the n-th pseudonym letter (0-based), like spreadsheet columns. */
export function pseudonymLetters(n: number): string {
  let letters = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters;
  return letters;
}

/** The staff member an entry names besides its actor: `user:<id>` in its reason (case.grant, identity.disclose). */
const targetOf = (reason: string | null): string | null => /(?:^|\s)user:(\S+)/.exec(reason ?? '')?.[1] ?? null;

const NOT_STAFF: Record<string, Pick<AccessLogEntry, 'by' | 'who'>> = {
  reporter: { by: 'you', who: 'You' },
  system: { by: 'system', who: 'Automatic (the system)' },
  cli: { by: 'system', who: 'An administrator on the server' },
};

/**
 * Turns audit rows (oldest first) into the reporter's record. Pseudonyms are given in order of first appearance,
 * as actor or as the staff member an entry names, so the same person keeps one letter throughout the record.
 */
export function presentAccesses(
  rows: readonly { at: string; actor: string | null; action: string; reason: string | null }[],
): AccessLogEntry[] {
  const pseudonyms = new Map<string, string>();
  const pseudonym = (userId: string) => {
    let name = pseudonyms.get(userId);
    if (!name) pseudonyms.set(userId, (name = `Staff member ${pseudonymLetters(pseudonyms.size)}`));
    return name;
  };
  return rows.map((r) => {
    const actor: Pick<AccessLogEntry, 'by' | 'who'> =
      r.actor === null
        ? { by: 'unknown', who: 'Unknown' }
        : (NOT_STAFF[r.actor] ?? { by: 'staff', who: pseudonym(r.actor) });
    const meaning = actionMeaning(r.action);
    const target = targetOf(r.reason);
    const purpose = (meaning.purpose ?? meaning.text).replace(
      '{target}',
      target ? pseudonym(target) : 'a staff member',
    );
    return { at: r.at, ...actor, action: r.action, purpose };
  });
}

/**
 * The audit entries about the report (its subject is the report, one of its files or one of its requests), oldest
 * first. For the reporter (the default), only the actions whose meaning says `reporter: true`
 * (src/shared/audit-actions.ts): accesses to the report and their own and the system's steps, never investigative
 * steps that could tip them off; pseudonyms are given over those entries only. `oversight`: every entry. Reads an
 * index (audit_subject); opens no key.
 * @throws not_found when the report no longer exists
 */
export async function reportAccessLog(
  deps: Pick<Deps, 'db' | 'now'>,
  reportId: string,
  audience: 'reporter' | 'oversight' = 'reporter',
): Promise<AccessLog> {
  const report = await findReportReference(deps.db, reportId);
  if (!report) throw errors.notFound('This report no longer exists.');
  const rows = await listAuditEntriesAbout(deps.db, await listReportSubjects(deps.db, reportId));
  const shown = audience === 'oversight' ? rows : rows.filter((r) => actionMeaning(r.action).reporter);
  return { reference: report.reference, generatedAt: deps.now().toISOString(), entries: presentAccesses(shown) };
}

/**
 * The record for an oversight officer, by the report's reference (for a subject access request that reaches them
 * another way): every entry, investigative steps included — what is passed on to the reporter is the officer's call.
 * Audited as `audit.export` of the report before reading, so the record shows it too.
 * @throws not_found when no report has the reference, or it is a complaint the viewer does not hold (alike; see
 *   seesReport in read.ts)
 */
export async function accessLogByReference(
  deps: Pick<Deps, 'db' | 'dialect' | 'now' | 'profile'>,
  viewer: Pick<Viewer, 'userId'>,
  reference: string,
): Promise<AccessLog> {
  const report = await findReportByReference(deps.db, reference.trim().toUpperCase());
  // A complaint the reader does not hold (one that names them, say) is answered as a reference that does not exist.
  if (!report || !(await seesReport(deps, viewer.userId, report)))
    throw errors.notFound('There is no report with this reference. Check it and try again.');
  await inTransaction(deps.db, (trx) =>
    audit(deps, trx, {
      actor: viewer.userId,
      action: 'audit.export',
      subject: `report:${report.id}`,
      reason: 'accesses for the reporter',
    }),
  );
  return reportAccessLog(deps, report.id, 'oversight');
}

const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The record as CSV (RFC 4180, CRLF line ends): when (ISO 8601, UTC), who, what was done, action. */
export function accessLogCsv(log: AccessLog): string {
  const lines = [['When (UTC)', 'Who', 'What was done', 'Action']];
  for (const e of log.entries) lines.push([e.at, e.who, e.purpose, e.action]);
  return lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** `accesses-R-1A2B3C4D.csv` */
export const accessLogFileName = (log: AccessLog, extension: 'csv' | 'json') =>
  `accesses-${log.reference}.${extension}`;
