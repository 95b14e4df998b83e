/**
 * What the deadlines job reads and writes: open cases with a deadline not yet handled, who holds them, and the
 * `reminders` records that make each (case, kind, deadline) handled once.
 */
import type { Database } from './database.ts';

/** A case whose deadline (`reports.due_at`, ISO 8601 UTC) falls in a window. */
export interface DueCase {
  id: string;
  category: string;
  urgent: number;
  due_at: string;
  protection_requested_at: string | null;
}

/**
 * Cases not closed (or closed with a protection request on record) whose `due_at` is in [from, to) — `from` null for
 * no lower bound — that have no `reminders` row of `kind` for that `due_at`; soonest first, then by id, at most `limit`.
 * `noDeadline` is the `due_at` value that means none.
 */
export function findUnhandledDeadlines(
  db: Database,
  kind: 'reminder' | 'escalation',
  window: { from: string | null; to: string; noDeadline: string; limit: number },
): Promise<DueCase[]> {
  let q = db
    .selectFrom('reports')
    .select(['id', 'category', 'urgent', 'due_at', 'protection_requested_at'])
    .where((eb) => eb.or([eb('status', '!=', 'closed'), eb('protection_requested_at', 'is not', null)]))
    .where('due_at', '!=', window.noDeadline)
    .where('due_at', '<', window.to)
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
  if (window.from) q = q.where('due_at', '>=', window.from);
  return q.orderBy('due_at').orderBy('id').limit(window.limit).execute();
}

/** Active handlers, oversight officers and supervisors holding a `case` grant on these reports: (report_id, id, role). */
export async function findActiveCaseHolders(
  db: Database,
  reportIds: string[],
): Promise<{ report_id: string; id: string; role: string }[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select(['grants.report_id', 'users.id', 'users.role'])
    .where('grants.report_id', 'in', reportIds)
    .where('grants.scope', '=', 'case')
    .where('users.disabled_at', 'is', null)
    .where('users.role', 'in', ['handler', 'oversight', 'supervisor'])
    .execute();
}

/** Records (report, kind, due_at) as handled. @returns false when it was already recorded (nothing written) */
export async function insertReminderOnce(
  db: Database,
  row: { report_id: string; kind: 'reminder' | 'escalation'; due_at: string; created_at: string },
): Promise<boolean> {
  const recorded = await db
    .insertInto('reminders')
    .values(row)
    .onConflict((oc) => oc.columns(['report_id', 'kind', 'due_at']).doNothing())
    .executeTakeFirst();
  return Number(recorded.numInsertedOrUpdatedRows ?? 0n) === 1;
}
