/**
 * The deadlines job: before a case's deadline (`reports.due_at`) the people working on it get a reminder; once it
 * has passed, its supervisors get an escalation. Each (case, kind, deadline) is handled once, recorded in
 * `reminders`, whose primary key makes a second one impossible even if two runs overlap. Notices carry only
 * their kind; one audit entry per run that did something carries the counts. An unanswered protection request is
 * a case's deadline too (src/domain/reporter/protection.ts), even on a closed case, so it is reminded of and escalated alike.
 * @see Directive (EU) 2019/1937 Art. 9(1)(b) (acknowledge within 7 days), 9(1)(f) (feedback within 3 months)
 * @see MSS Order No. 2 Art. 6(2) (protection requests)
 */
import { audit } from '../domain/audit/record.ts';
import { categoryOf } from '../domain/categories.ts';
import {
  deadlineRecipients,
  NO_DEADLINE,
  reminderHours,
  reminderIsDue,
  widestReminderHours,
  type DeadlineNotice,
} from '../domain/deadlines.ts';
import type { Deps } from '../domain/deps.ts';
import { queueNotices } from '../mail/outbox.ts';
import { HOUR } from '../shared/time.ts';
import { findActiveCaseHolders, findUnhandledDeadlines, insertReminderOnce, type DueCase } from '../store/deadlines.ts';
import { inTransaction } from '../store/transaction.ts';

/** Most cases of each kind handled per run; the rest follow at the next run. */
const BATCH = 500;

type JobDeps = Pick<Deps, 'db' | 'dialect' | 'now' | 'profile' | 'notify'>;

export interface DeadlineRun {
  reminders: number;
  escalations: number;
  /** notifications queued */
  notices: number;
  /** reminders and escalations recorded with nobody to tell (no active grantee of the right role) */
  unreached: number;
}

/** One run: records and queues what is due. @returns the counts (all zero when nothing was due) */
export async function checkDeadlines(deps: JobDeps): Promise<DeadlineRun> {
  const now = deps.now();
  const nowIso = now.toISOString();
  const widest = widestReminderHours(
    deps.profile().categories.map((c) => c.policy),
    deps.notify.reminderHours,
  );
  const window = (from: string | null, to: string) => ({ from, to, noDeadline: NO_DEADLINE, limit: BATCH });
  const overdue = await findUnhandledDeadlines(deps.db, 'escalation', window(null, nowIso));
  const soon = (
    await findUnhandledDeadlines(
      deps.db,
      'reminder',
      window(nowIso, new Date(now.getTime() + widest * HOUR + 1).toISOString()),
    )
  ).filter((r) =>
    reminderIsDue(r.due_at, now, reminderHours(categoryOf(deps, r.category)?.policy, r, deps.notify.reminderHours)),
  );
  const run: DeadlineRun = { reminders: 0, escalations: 0, notices: 0, unreached: 0 };
  if (overdue.length + soon.length === 0) return run;

  await inTransaction(deps.db, async (trx) => {
    const holders = await findActiveCaseHolders(
      trx,
      [...overdue, ...soon].map((r) => r.id),
    );
    const handle = async (kind: DeadlineNotice, r: DueCase) => {
      if (!(await insertReminderOnce(trx, { report_id: r.id, kind, due_at: r.due_at, created_at: nowIso }))) return;
      run[kind === 'reminder' ? 'reminders' : 'escalations'] += 1;
      const users = deadlineRecipients(
        kind,
        holders.filter((h) => h.report_id === r.id),
      );
      if (users.length === 0) run.unreached += 1;
      await queueNotices(deps, trx, users, kind);
      run.notices += users.length;
    };
    for (const r of overdue) await handle('escalation', r);
    for (const r of soon) await handle('reminder', r);
    if (run.reminders + run.escalations > 0)
      await audit(deps, trx, {
        actor: 'system',
        action: 'deadlines.check',
        reason: `reminders ${run.reminders}, escalations ${run.escalations}, notices ${run.notices}, unreached ${run.unreached}`,
      });
  });
  return run;
}
