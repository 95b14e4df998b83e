/**
 * The deadlines job on both databases: reminders before a deadline to the people working on a case, escalations
 * after it to its supervisors, each once per deadline, and one audit entry per run that did something.
 */
import { describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { addStaff, ANSWERS, grantCase, pendingNotices, submitReport } from '../../test/helpers/staff-work.ts';
import { disableUser } from '../domain/accounts/user-admin.ts';
import { NO_DEADLINE } from '../domain/deadlines.ts';
import { checkDeadlines } from './deadlines.ts';

const HOUR = 3_600_000;
const T0 = new Date('2030-01-07T09:00:00.000Z');
/** Espionage: acknowledge within 7 days; urgent reports within 24 hours. */
const ACK_DUE = T0.getTime() + 7 * 24 * HOUR;
const NONE = { reminders: 0, escalations: 0, notices: 0, unreached: 0 };

async function withApp(
  dialect: TestApp['dialect'],
  fn: (t: TestApp, setClock: (ms: number) => void) => Promise<void>,
  env?: Record<string, string>,
) {
  let clock = T0;
  const t = await buildTestApp({
    dialect,
    now: () => clock,
    roles: ['supervisor', 'handler', 'custodian'],
    ...(env ? { env } : {}),
  });
  try {
    await fn(t, (ms) => (clock = new Date(ms)));
  } finally {
    await t.close();
  }
}

const auditOf = (t: TestApp) =>
  t.deps.db
    .selectFrom('audit')
    .select(['actor', 'action', 'subject', 'reason'])
    .where('action', '=', 'deadlines.check')
    .execute();

describe.each(DIALECTS)('deadlines job on %s', (dialect) => {
  it('queues a new-report notice for every active supervisor at submission', () =>
    withApp(dialect, async (t) => {
      await addStaff(t.deps, 'sup2', 'supervisor');
      await addStaff(t.deps, 'gone', 'supervisor');
      await disableUser(t.deps, 'gone');
      await submitReport(t.deps);
      expect(await pendingNotices(t.deps)).toEqual(['sup2:new_report', 'supervisor:new_report']);
    }));

  it('reminds the handlers of a case (else its supervisors) once, CONFIDE_REMINDER_HOURS before the deadline', () =>
    withApp(
      dialect,
      async (t, setClock) => {
        const handled = await submitReport(t.deps);
        await grantCase(t.deps, handled.id, t.users.handler.id);
        await submitReport(t.deps); // nobody but the supervisors works on this one
        await t.deps.db.deleteFrom('notifications').execute();

        setClock(ACK_DUE - 72 * HOUR - 60_000);
        expect(await checkDeadlines(t.deps)).toEqual(NONE);
        setClock(ACK_DUE - 72 * HOUR + 60_000);
        expect(await checkDeadlines(t.deps)).toEqual({ reminders: 2, escalations: 0, notices: 2, unreached: 0 });
        expect(await pendingNotices(t.deps)).toEqual(['handler:reminder', 'supervisor:reminder']);
        setClock(ACK_DUE - HOUR);
        expect(await checkDeadlines(t.deps)).toEqual(NONE);
        expect(await pendingNotices(t.deps)).toHaveLength(2);
        expect(await auditOf(t)).toEqual([
          {
            actor: 'system',
            action: 'deadlines.check',
            subject: null,
            reason: 'reminders 2, escalations 0, notices 2, unreached 0',
          },
        ]);
      },
      { CONFIDE_REMINDER_HOURS: '72' },
    ));

  it('escalates an overdue case once to every active supervisor holding it, never to its handler', () =>
    withApp(dialect, async (t, setClock) => {
      await addStaff(t.deps, 'sup2', 'supervisor');
      await addStaff(t.deps, 'sup3', 'supervisor');
      const report = await submitReport(t.deps);
      await grantCase(t.deps, report.id, t.users.handler.id);
      await disableUser(t.deps, 'sup3');
      await addStaff(t.deps, 'late', 'supervisor'); // came after the report: holds no grant on it
      await t.deps.db.deleteFrom('notifications').execute();

      setClock(ACK_DUE + 1_000);
      expect(await checkDeadlines(t.deps)).toEqual({ reminders: 0, escalations: 1, notices: 2, unreached: 0 });
      expect(await pendingNotices(t.deps)).toEqual(['sup2:escalation', 'supervisor:escalation']);
      setClock(ACK_DUE + 24 * HOUR);
      expect(await checkDeadlines(t.deps)).toEqual(NONE);
      expect(await pendingNotices(t.deps)).toHaveLength(2);
      expect(await auditOf(t)).toHaveLength(1);
    }));

  it('reminds of an urgent case a quarter of its response time ahead (6 of 24 hours)', () =>
    withApp(dialect, async (t, setClock) => {
      const report = await submitReport(t.deps, { ...ANSWERS, danger: 'yes' });
      const row = await t.deps.db
        .selectFrom('reports')
        .select(['urgent', 'due_at'])
        .where('id', '=', report.id)
        .executeTakeFirstOrThrow();
      const due = T0.getTime() + 24 * HOUR;
      expect(row).toEqual({ urgent: 1, due_at: new Date(due).toISOString() });
      await t.deps.db.deleteFrom('notifications').execute();

      setClock(due - 6 * HOUR - 60_000);
      expect(await checkDeadlines(t.deps)).toEqual(NONE);
      setClock(due - 6 * HOUR + 60_000);
      expect(await checkDeadlines(t.deps)).toEqual({ reminders: 1, escalations: 0, notices: 1, unreached: 0 });
      expect(await pendingNotices(t.deps)).toEqual(['supervisor:reminder']);
    }));

  it('reminds again of a new deadline, and leaves closed cases and cases without a deadline alone', () =>
    withApp(dialect, async (t, setClock) => {
      const moved = await submitReport(t.deps);
      const closed = await submitReport(t.deps);
      const open = await submitReport(t.deps);
      await t.deps.db
        .updateTable('reports')
        .set({ status: 'closed' }) // a stale due_at must not matter once closed
        .where('id', '=', closed.id)
        .execute();
      await t.deps.db
        .updateTable('reports')
        .set({ status: 'acknowledged', due_at: NO_DEADLINE })
        .where('id', '=', open.id)
        .execute();
      await t.deps.db.deleteFrom('notifications').execute();

      setClock(ACK_DUE - HOUR);
      expect(await checkDeadlines(t.deps)).toEqual({ reminders: 1, escalations: 0, notices: 1, unreached: 0 });
      const feedbackDue = ACK_DUE + 90 * 24 * HOUR;
      await t.deps.db
        .updateTable('reports')
        .set({ status: 'acknowledged', due_at: new Date(feedbackDue).toISOString() })
        .where('id', '=', moved.id)
        .execute();
      setClock(feedbackDue - HOUR);
      expect(await checkDeadlines(t.deps)).toEqual({ reminders: 1, escalations: 0, notices: 1, unreached: 0 });
      setClock(feedbackDue + 365 * 24 * HOUR);
      expect(await checkDeadlines(t.deps)).toEqual({ reminders: 0, escalations: 1, notices: 1, unreached: 0 });
      expect(await pendingNotices(t.deps)).toEqual([
        'supervisor:escalation',
        'supervisor:reminder',
        'supervisor:reminder',
      ]);
    }));

  it('records an escalation nobody can receive as unreached', () =>
    withApp(dialect, async (t, setClock) => {
      await submitReport(t.deps);
      await disableUser(t.deps, 'supervisor');
      setClock(ACK_DUE + 1_000);
      expect(await checkDeadlines(t.deps)).toEqual({ reminders: 0, escalations: 1, notices: 0, unreached: 1 });
    }));
});
