/**
 * Staff notices end to end, on both databases, with a real SMTP server on 127.0.0.1: reports come in through the
 * API, the clock moves past the reminder window and the deadline, the jobs run, and each mail that arrives is
 * checked — how many per person, subject, counts and the workspace link, and nothing that identifies a case.
 */
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { multipart, reportParts } from '../../test/helpers/multipart.ts';
import { startSmtpServer, type TestSmtpServer } from '../../test/helpers/smtp.ts';
import { addStaff, ANSWERS, grantCase, pendingNotices } from '../../test/helpers/staff-work.ts';
import { setUserEmail } from '../domain/accounts/user-admin.ts';
import { createSmtpMailer } from '../mail/mailer.ts';
import { updateUserLanguage } from '../store/users.ts';
import { createJobs, noticesJob } from './index.ts';
import { sendNotices } from './notify.ts';
import type { JobLog } from './runner.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = new Date('2030-01-07T09:00:00.000Z').getTime();
const ACK_DUE = T0 + 7 * 24 * HOUR;
const STAFF_URL = 'https://report.example/staff/';

function recordingLog() {
  const lines: { level: string; msg: string }[] = [];
  const log: JobLog = {
    debug: () => undefined,
    info: (_obj, msg) => lines.push({ level: 'info', msg }),
    warn: (_obj, msg) => lines.push({ level: 'warn', msg }),
    error: (_obj, msg) => lines.push({ level: 'error', msg }),
  };
  return { log, lines };
}

describe.each(DIALECTS)('staff notices by e-mail on %s', (dialect) => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let clock = T0;
  const setClock = (ms: number) => (clock = ms);
  beforeEach(async () => {
    clock = T0;
    smtp = await startSmtpServer();
    t = await buildTestApp({
      dialect,
      now: () => new Date(clock),
      roles: ['supervisor', 'handler', 'custodian'],
      env: { CONFIDE_SMTP_URL: smtp.url, CONFIDE_PUBLIC_URL: 'https://report.example' },
    });
    await setUserEmail(t.deps, t.users.supervisor.id, 'supervisor@agency.example');
    await setUserEmail(t.deps, t.users.handler.id, 'handler@agency.example');
    await setUserEmail(t.deps, t.users.custodian.id, 'custodian@agency.example');
  });
  afterEach(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** Submits through the public API. @returns the receipt, id and reference, for checking they never leak */
  async function submit() {
    const body = await multipart(reportParts({ category: 'espionage', answers: ANSWERS }));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body });
    expect(res.statusCode).toBe(201);
    const row = await t.deps.db
      .selectFrom('reports')
      .select(['id', 'reference'])
      .orderBy('received_at', 'desc')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    return { receipt: (res.json() as { receipt: string }).receipt, ...row };
  }

  const summaries = (to: string) =>
    smtp.mails.filter((m) => m.to.join() === to).map((m) => /in Confide: (.*)\.\n/.exec(m.text)?.[1]);

  it('mails each person one batched "work is waiting" per interval, with counts and the link only', async () => {
    const sup2 = await addStaff(t.deps, 'sup2', 'supervisor', 'sup2@agency.example');
    await addStaff(t.deps, 'nomail', 'supervisor');
    const { log, lines } = recordingLog();
    const jobs = createJobs(t.deps, log);

    const a = await submit();
    const b = await submit();
    await grantCase(t.deps, a.id, t.users.handler.id);
    expect(await jobs.runNow('notices')).toBe(true);
    expect(smtp.mails.map((m) => m.to.join()).sort()).toEqual(['sup2@agency.example', 'supervisor@agency.example']);

    // Inside the 15-minute interval: a new report waits, nothing is sent.
    setClock(T0 + 5 * MIN);
    const c = await submit();
    expect(await jobs.runNow('notices')).toBe(true);
    expect(smtp.mails).toHaveLength(2);
    setClock(T0 + 16 * MIN);
    expect(await jobs.runNow('notices')).toBe(true);
    expect(smtp.mails).toHaveLength(4);

    // Inside the 48-hour reminder window: the handler hears of case a, the supervisors of b and c.
    setClock(ACK_DUE - 47 * HOUR);
    expect(await jobs.runNow('deadlines')).toBe(true);
    expect(await jobs.runNow('notices')).toBe(true);
    // Past the deadline: the supervisors holding the cases hear of all three, the handler does not.
    setClock(ACK_DUE + 10 * MIN);
    expect(await jobs.runNow('deadlines')).toBe(true);
    expect(await jobs.runNow('notices')).toBe(true);
    setClock(ACK_DUE + 11 * MIN);
    expect(await jobs.runNow('notices')).toBe(true); // a second run inside the interval sends nothing

    expect(summaries('supervisor@agency.example')).toEqual([
      '2 new reports',
      '1 new report',
      '2 deadlines soon',
      '3 overdue',
    ]);
    expect(summaries('sup2@agency.example')).toEqual(summaries('supervisor@agency.example'));
    expect(summaries('handler@agency.example')).toEqual(['1 deadline soon']);
    expect(smtp.mails).toHaveLength(9);
    expect(smtp.mails.filter((m) => m.to.join() === 'custodian@agency.example')).toEqual([]);
    expect(await pendingNotices(t.deps)).toEqual([
      'nomail:escalation',
      'nomail:escalation',
      'nomail:escalation',
      'nomail:new_report',
      'nomail:new_report',
      'nomail:new_report',
      'nomail:reminder',
      'nomail:reminder',
    ]);

    const secrets = [
      'espionage',
      'Espionage',
      ...[a, b, c].flatMap((r) => [r.id, r.reference, r.receipt, r.receipt.replace(/ /g, '')]),
      ANSWERS.what_happened,
      'grey van',
      'Nordhafen',
      sup2,
    ];
    for (const mail of smtp.mails) {
      expect(mail.subject).toBe('Confide: work is waiting');
      expect(mail.text).toContain(`Sign in to the staff workspace to see it:\n${STAFF_URL}\n`);
      expect(mail.text.match(/https?:\/\/\S+/g)).toEqual([STAFF_URL]);
      for (const secret of secrets)
        expect([secret, mail.raw.includes(secret) || mail.text.includes(secret)]).toEqual([secret, false]);
    }
    expect(lines.filter((l) => l.level !== 'info')).toEqual([]);
  });

  it('writes the mail in the language the recipient chose, and in English to one who chose none', async () => {
    await addStaff(t.deps, 'sup2', 'supervisor', 'sup2@agency.example');
    await updateUserLanguage(t.deps.db, t.users.supervisor.id, 'zh-CN');
    await submit();
    await submit();
    expect(await createJobs(t.deps, recordingLog().log).runNow('notices')).toBe(true);
    const byRecipient = Object.fromEntries(
      await Promise.all(
        smtp.mails.map(async (m) => {
          const parsed = await simpleParser(m.raw);
          return [m.to.join(), { subject: parsed.subject, text: parsed.text }] as const;
        }),
      ),
    );
    expect(byRecipient).toEqual({
      'supervisor@agency.example': {
        subject: 'Confide：有待办工作',
        text:
          'Confide 中有待您处理的工作：2 件新举报。\n\n' +
          `请登录工作人员工作台查看：\n${STAFF_URL}\n\n` +
          '本邮件仅告知有待办工作，具体内容请在工作台中查看。\n',
      },
      'sup2@agency.example': {
        subject: 'Confide: work is waiting',
        text:
          'Work is waiting for you in Confide: 2 new reports.\n\n' +
          `Sign in to the staff workspace to see it:\n${STAFF_URL}\n\n` +
          'This mail only says that work is waiting; the details are in the workspace.\n',
      },
    });
  });

  it('keeps notices pending when the server refuses a mail, and sends them at the next run', async () => {
    await submit();
    const jobs = createJobs(t.deps, recordingLog().log);
    smtp.refuseWith = 451;
    expect(await jobs.runNow('notices')).toBe(true);
    expect(smtp.mails).toEqual([]);
    expect(await pendingNotices(t.deps)).toEqual(['supervisor:new_report']);
    const user = () =>
      t.deps.db
        .selectFrom('users')
        .select('last_notified_at')
        .where('id', '=', t.users.supervisor.id)
        .executeTakeFirst();
    expect(await user()).toEqual({ last_notified_at: null });

    smtp.refuseWith = null;
    setClock(T0 + MIN);
    expect(await jobs.runNow('notices')).toBe(true);
    expect(summaries('supervisor@agency.example')).toEqual(['1 new report']);
    expect(await pendingNotices(t.deps)).toEqual([]);
    expect(await user()).toEqual({ last_notified_at: new Date(T0 + MIN).toISOString() });
  });

  it('stops a run at the first mail when the server cannot be reached', async () => {
    await addStaff(t.deps, 'sup2', 'supervisor', 'sup2@agency.example');
    await submit();
    await smtp.close();
    const closed = smtp.url; // nothing listens there now
    const mailer = createSmtpMailer(closed, 'Confide <confide@report.example>');
    const { log, lines } = recordingLog();
    expect(await sendNotices(t.deps, mailer, log)).toEqual({ sent: 0, failed: 1 });
    expect(lines).toEqual([{ level: 'warn', msg: 'notice mail failed; kept' }]);
    expect(await pendingNotices(t.deps)).toEqual(['sup2:new_report', 'supervisor:new_report']);
    mailer.close();
    smtp = await startSmtpServer(); // for afterEach
  });

  it('without CONFIDE_SMTP_URL keeps notices queued and warns once', async () => {
    await submit();
    const { log, lines } = recordingLog();
    const job = noticesJob({ ...t.deps, mailer: null }, log);
    await job.run(new AbortController().signal);
    await job.run(new AbortController().signal);
    expect(lines).toEqual([
      { level: 'warn', msg: 'CONFIDE_SMTP_URL is not set: staff notices stay queued and are not mailed' },
    ]);
    expect(await pendingNotices(t.deps)).toEqual(['supervisor:new_report']);
  });
});
