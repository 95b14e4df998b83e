/**
 * The one mail staff ever get: "work is waiting", with counts by kind and a link to the workspace root. It never
 * carries content, a category, a case id or reference, or anything else that would tell a reader of the mailbox
 * which case is meant — mail leaves the system's protection, so it says no more than a notification badge.
 */
import type { NoticeKind } from './outbox.ts';

export const SUBJECT = 'Confide: work is waiting';

/** Order and wording of each kind in the summary line: [singular, plural]. */
const LABELS: [NoticeKind, string, string][] = [
  ['new_report', 'new report', 'new reports'],
  ['assigned', 'case assigned to you', 'cases assigned to you'],
  ['reminder', 'deadline soon', 'deadlines soon'],
  ['escalation', 'overdue', 'overdue'],
  ['protection', 'protection request', 'protection requests'],
  ['approval', 'approval to decide', 'approvals to decide'],
  ['retention', 'case due for destruction', 'cases due for destruction'],
  ['reporter_activity', 'case with news from its reporter', 'cases with news from their reporters'],
];

/** "2 new reports, 1 deadline soon, 1 overdue"; kinds with no notice are left out, unknown kinds counted as updates. */
export function summarise(counts: Readonly<Record<string, number>>): string {
  const parts: string[] = [];
  let other = 0;
  for (const [kind, n] of Object.entries(counts)) if (!LABELS.some(([k]) => k === kind)) other += n;
  for (const [kind, one, many] of LABELS) {
    const n = counts[kind] ?? 0;
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  }
  if (other > 0) parts.push(`${other} ${other === 1 ? 'update' : 'updates'}`);
  return parts.join(', ');
}

/**
 * @param counts pending notices by kind
 * @param staffUrl the staff workspace root (CONFIDE_PUBLIC_URL + '/staff/'), never a case's address
 * @returns plain-text subject and body
 */
export function composeWorkWaiting(
  counts: Readonly<Record<string, number>>,
  staffUrl: string,
): { subject: string; text: string } {
  return {
    subject: SUBJECT,
    text: [
      `Work is waiting for you in Confide: ${summarise(counts)}.`,
      '',
      'Sign in to the staff workspace to see it:',
      staffUrl,
      '',
      'This mail only says that work is waiting; the details are in the workspace.',
      '',
    ].join('\n'),
  };
}
