/**
 * The one mail staff ever get: "work is waiting", with counts by kind and a link to the workspace root, in the
 * recipient's own language (locales/<language>/mail.json, `workWaiting.*`). It never carries content, a category, a
 * case id or reference, or anything else that would tell a reader of the mailbox which case is meant — mail leaves
 * the system's protection, so it says no more than a notification badge.
 */
import type { Language } from '../i18n/languages.ts';
import { translate } from '../i18n/server.ts';
import type { NoticeKind } from './outbox.ts';

/** Order of the kinds in the summary line (every NoticeKind once). */
const ORDER = [
  'new_report',
  'assigned',
  'reminder',
  'escalation',
  'protection',
  'approval',
  'retention',
  'reporter_activity',
] as const satisfies readonly NoticeKind[];

/**
 * "2 new reports, 1 deadline soon, 1 overdue" (in `language`, counts formatted by it); kinds in the fixed order
 * ORDER, kinds with no notice left out, unknown kinds counted together as updates.
 */
export function summarise(counts: Readonly<Record<string, number>>, language: Language = 'en'): string {
  const t = translate(language, 'mail');
  const parts: string[] = [];
  let other = 0;
  for (const [kind, n] of Object.entries(counts)) if (!ORDER.includes(kind as never)) other += n;
  for (const kind of ORDER) {
    const count = counts[kind] ?? 0;
    if (count > 0) parts.push(t(`workWaiting.kinds.${kind}`, { count }));
  }
  if (other > 0) parts.push(t('workWaiting.kinds.other', { count: other }));
  return parts.join(t('workWaiting.separator'));
}

/**
 * @param counts pending notices by kind
 * @param staffUrl the staff workspace root (CONFIDE_PUBLIC_URL + '/staff/'), never a case's address
 * @param language the recipient's own language (English when they chose none)
 * @returns plain-text subject and body
 */
export function composeWorkWaiting(
  counts: Readonly<Record<string, number>>,
  staffUrl: string,
  language: Language = 'en',
): { subject: string; text: string } {
  const t = translate(language, 'mail');
  return {
    subject: t('workWaiting.subject'),
    text: [
      t('workWaiting.intro', { summary: summarise(counts, language) }),
      '',
      t('workWaiting.signIn'),
      staffUrl,
      '',
      t('workWaiting.detailsInWorkspace'),
      '',
    ].join('\n'),
  };
}
