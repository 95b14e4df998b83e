/**
 * The deadlines job: before a case's deadline (`reports.due_at`) the people working on it get a reminder; once it
 * has passed, its supervisors get an escalation. Each (case, kind, deadline) is handled once, recorded in
 * `reminders`, whose primary key makes a second one impossible even if two runs overlap. Notices carry only
 * their kind; one audit entry per run that did something carries the counts. An unanswered protection request is
 * a case's deadline too (src/domain/protection.ts), even on a closed case, so it is reminded of and escalated alike.
 * @see Directive (EU) 2019/1937 Art. 9(1)(b) (acknowledge within 7 days), 9(1)(f) (feedback within 3 months)
 * @see MSS Order No. 2 Art. 6(2) (protection requests)
 */
import type { Transaction } from 'kysely';
import { audit } from '../domain/audit.ts';
import { NO_DEADLINE } from '../domain/deadlines.ts';
import type { Deps } from '../domain/deps.ts';
import { queueNotices } from '../mail/outbox.ts';
import { protectionResponseHours, type Policy } from '../shared/profile.ts';
import type { Tables } from '../store/tables.ts';

const HOUR = 3_600_000;
/** Most cases of each kind handled per run; the rest follow at the next run. */
const BATCH = 500;

type JobDeps = Pick<Deps, 'db' | 'dialect' | 'now' | 'profile' | 'notify'>;
type Kind = 'reminder' | 'escalation';
interface Due {
  id: string;
  category: string;
  urgent: number;
  due_at: string;
  protection_requested_at: string | null;
}

export interface DeadlineRun {
  reminders: number;
  escalations: number;
  /** notifications queued */
  notices: number;
  /** reminders and escalations recorded with nobody to tell (no active grantee of the right role) */
  unreached: number;
}

/** A quarter of a policy's urgent response time — or of the shorter protection one — at least 1 h. */
const urgentReminderHours = (policy: Policy, protection = true) =>
  Math.max(1, Math.min(policy.urgentResponseHours, protection ? protectionResponseHours(policy) : Infinity) / 4);

/**
 * How long before its deadline a case is reminded of, in hours: CONFIDE_REMINDER_HOURS, or for an urgent case a
 * quarter of its category's urgent response time (at least 1 h), so that a 24-hour deadline warns at 6 hours —
 * and once the reporter asked for protection, of the protection response time when shorter (12 hours: at 3).
 */
export function reminderHours(
  deps: Pick<Deps, 'profile' | 'notify'>,
  r: { category: string; urgent: number; protection_requested_at?: string | null },
): number {
  if (!r.urgent) return deps.notify.reminderHours;
  const category = deps.profile().categories.find((c) => c.id === r.category);
  return category ? urgentReminderHours(category.policy, !!r.protection_requested_at) : deps.notify.reminderHours;
}

/** Open cases with a deadline in [from, to) that have no `kind` record for that deadline yet, soonest first. */
function unhandled(deps: JobDeps, kind: Kind, from: string | null, to: string) {
  let q = deps.db
    .selectFrom('reports')
    .select(['id', 'category', 'urgent', 'due_at', 'protection_requested_at'])
    // A closed case has no deadline but an unanswered protection request's (see nextDeadline).
    .where((eb) => eb.or([eb('status', '!=', 'closed'), eb('protection_requested_at', 'is not', null)]))
    .where('due_at', '!=', NO_DEADLINE)
    .where('due_at', '<', to)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reminders')
            .select('reminders.report_id')
            .whereRef('reminders.report_id', '=', 'reports.id')
            .where('reminders.kind', '=', kind)
            .whereRef('reminders.due_at', '=', 'reports.due_at'),
        ),
      ),
    );
  if (from) q = q.where('due_at', '>=', from);
  return q.orderBy('due_at').orderBy('id').limit(BATCH).execute();
}

/**
 * Who hears of a case: for a reminder the handlers (and oversight officers) it is granted to, or its supervisors
 * when none; for an escalation its supervisors, or its oversight officers when no supervisor holds it.
 * Only active users holding a `case` grant, so someone excluded from a case never hears of it.
 */
async function recipients(trx: Transaction<Tables>, ids: string[]) {
  const rows =
    ids.length === 0
      ? []
      : await trx
          .selectFrom('grants')
          .innerJoin('users', 'users.id', 'grants.user_id')
          .select(['grants.report_id', 'users.id', 'users.role'])
          .where('grants.report_id', 'in', ids)
          .where('grants.scope', '=', 'case')
          .where('users.disabled_at', 'is', null)
          .where('users.role', 'in', ['handler', 'oversight', 'supervisor'])
          .execute();
  return (kind: Kind, reportId: string): string[] => {
    const on = rows.filter((r) => r.report_id === reportId);
    const workers = on.filter((r) => r.role !== 'supervisor');
    const supervisors = on.filter((r) => r.role === 'supervisor');
    const chosen =
      kind === 'reminder'
        ? workers.length > 0
          ? workers
          : supervisors
        : supervisors.length > 0
          ? supervisors
          : workers.filter((r) => r.role === 'oversight');
    return chosen.map((r) => r.id);
  };
}

/** One run: records and queues what is due. @returns the counts (all zero when nothing was due) */
export async function checkDeadlines(deps: JobDeps): Promise<DeadlineRun> {
  const now = deps.now();
  const nowIso = now.toISOString();
  const widest = Math.max(
    deps.notify.reminderHours,
    ...deps.profile().categories.map((c) => urgentReminderHours(c.policy)),
  );
  const overdue = await unhandled(deps, 'escalation', null, nowIso);
  const soon = (
    await unhandled(deps, 'reminder', nowIso, new Date(now.getTime() + widest * HOUR + 1).toISOString())
  ).filter((r) => Date.parse(r.due_at) - now.getTime() <= reminderHours(deps, r) * HOUR);
  const run: DeadlineRun = { reminders: 0, escalations: 0, notices: 0, unreached: 0 };
  if (overdue.length + soon.length === 0) return run;

  await deps.db.transaction().execute(async (trx) => {
    const whoHears = await recipients(
      trx,
      [...overdue, ...soon].map((r) => r.id),
    );
    const handle = async (kind: Kind, r: Due) => {
      const recorded = await trx
        .insertInto('reminders')
        .values({ report_id: r.id, kind, due_at: r.due_at, created_at: nowIso })
        .onConflict((oc) => oc.columns(['report_id', 'kind', 'due_at']).doNothing())
        .executeTakeFirst();
      if (Number(recorded.numInsertedOrUpdatedRows ?? 0n) !== 1) return;
      run[kind === 'reminder' ? 'reminders' : 'escalations'] += 1;
      const users = whoHears(kind, r.id);
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
