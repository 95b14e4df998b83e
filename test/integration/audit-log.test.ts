/**
 * The tamper-evident audit log, read: oversight officers read, filter, page and export it (and nobody else sees
 * it at all); an export checks offline with `npx confide audit verify --file`, which names a tampered line; and a
 * reporter sees the date and purpose of every access to their report, staff shown only as pseudonyms.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditExport } from '../../src/domain/audit/verify.ts';
import { ROLES } from '../../src/shared/api.ts';
import type { AccessLog, AuditPage, AuditVerifyResult } from '../../src/shared/audit.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { approval } from '../helpers/approvals.ts';
import { actor, ESPIONAGE, errorId } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';

const BIN = fileURLToPath(new URL('../../bin/confide.js', import.meta.url));
const DAY = 86_400_000;

/** A clock the test moves: every entry written gets this time. */
function clock(start: string) {
  let now = new Date(start);
  return { now: () => now, advance: (ms: number) => void (now = new Date(now.getTime() + ms)) };
}

/** Submits a report with one text file. @returns the receipt, case id, reference and file id as staff see them */
async function submitWithFile(t: TestApp) {
  const body = await multipart(
    reportParts({
      category: 'espionage',
      answers: ESPIONAGE,
      files: [{ filename: 'notes.txt', data: Buffer.from('plate number ABC-123\n'), type: 'text/plain' }],
    }),
  );
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body });
  expect(res.statusCode).toBe(201);
  const receipt = (res.json() as { receipt: string }).receipt;
  const reportId = (await t.deps.db.selectFrom('reports').select(['id', 'reference']).executeTakeFirstOrThrow()) as {
    id: string;
    reference: string;
  };
  const file = await t.deps.db
    .selectFrom('files')
    .select('id')
    .where('report_id', '=', reportId.id)
    .executeTakeFirstOrThrow();
  return { receipt, id: reportId.id, reference: reportId.reference, fileId: file.id };
}

/** Signs the reporter in through the follow-up page. @returns the cookie header value */
async function reporterCookie(t: TestApp, receipt: string): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/follow-up', payload: { receipt } });
  expect(res.statusCode).toBe(303);
  return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

function confide(args: string[]) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, CONFIDE_DATA_DIR: path.join(os.tmpdir(), 'confide-no-data-needed') },
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

interface Scenario {
  t: TestApp;
  time: ReturnType<typeof clock>;
  report: Awaited<ReturnType<typeof submitWithFile>>;
}

/**
 * A fresh app whose log holds: six users created on 2 March 2026 (entries 1–6); on 3 March a report with a file
 * (7), the supervisor's sign-in (8) and grant to the handler (9), the handler's sign-in (10), reading the case (11)
 * and downloading the file (12). The clock then stands on 4 March.
 */
async function withScenario(dialect: (typeof DIALECTS)[number], fn: (s: Scenario) => Promise<void>): Promise<void> {
  const time = clock('2026-03-02T09:00:00.000Z');
  const t = await buildTestApp({ dialect, now: time.now });
  try {
    time.advance(DAY);
    const report = await submitWithFile(t);
    const sup = await actor(t, 'supervisor');
    const grant = await sup.send('POST', `/api/v1/cases/${report.id}/grants`, { userId: t.users.handler.id });
    expect(grant.statusCode).toBe(201);
    time.advance(60_000);
    const handler = await actor(t, 'handler');
    expect((await handler.get(`/api/v1/cases/${report.id}`)).statusCode).toBe(200);
    time.advance(60_000);
    const file = await handler.get(`/api/v1/cases/${report.id}/files/${report.fileId}`);
    expect(file.body).toBe('plate number ABC-123\n');
    time.advance(DAY);
    await fn({ t, time, report });
  } finally {
    await t.close();
  }
}

describe.each(DIALECTS)('the audit log on %s', (dialect) => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-audit-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("lists for the reporter exactly the handler's read and download, with purposes and pseudonyms", () =>
    withScenario(dialect, async ({ t, report }) => {
      const cookie = await reporterCookie(t, report.receipt);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/reporter/accesses', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      const log = res.json() as AccessLog;
      expect(log.reference).toBe(report.reference);
      expect(log.entries).toEqual([
        {
          at: '2026-03-03T09:00:00.000Z',
          by: 'you',
          who: 'You',
          action: 'report.submit',
          purpose: 'Your report was received',
        },
        {
          at: '2026-03-03T09:00:00.000Z',
          by: 'staff',
          who: 'Staff member A',
          action: 'case.grant',
          purpose: 'Gave Staff member B access to your report',
        },
        {
          at: '2026-03-03T09:01:00.000Z',
          by: 'staff',
          who: 'Staff member B',
          action: 'case.read',
          purpose: 'Read your report',
        },
        {
          at: '2026-03-03T09:02:00.000Z',
          by: 'staff',
          who: 'Staff member B',
          action: 'file.download',
          purpose: 'Downloaded a file from your report',
        },
        {
          at: '2026-03-04T09:02:00.000Z',
          by: 'you',
          who: 'You',
          action: 'reporter.sign_in',
          purpose: 'You signed in with your receipt',
        },
      ]);

      // The page (JavaScript off: a table and plain download links) and both downloads.
      const page = await t.app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie } });
      expect(page.statusCode).toBe(200);
      const section = /<section aria-labelledby="accesses">[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
      expect(section).toContain('<h2 id="accesses">Who has looked at your report</h2>');
      const rows = [
        ...section.matchAll(
          /<tr><td><time datetime="([^"]+)">[^<]*<\/time><\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g,
        ),
      ];
      expect(rows.map((m) => [m[1], m[2], m[3]])).toEqual(log.entries.map((e) => [e.at, e.who, e.purpose]));
      expect(section).toContain('<time datetime="2026-03-03T09:01:00.000Z">March 3, 2026 at 17:01 GMT+8</time>');
      expect(section).toContain('<a href="/follow-up/report/accesses.csv" download>');
      expect(section).toContain('<a href="/follow-up/report/accesses.json" download>');
      const csv = await t.app.inject({ method: 'GET', url: '/follow-up/report/accesses.csv', headers: { cookie } });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="accesses-${report.reference}.csv"`);
      expect(csv.body).toBe(
        [
          'When (UTC),Who,What was done,Action',
          '2026-03-03T09:00:00.000Z,You,Your report was received,report.submit',
          '2026-03-03T09:00:00.000Z,Staff member A,Gave Staff member B access to your report,case.grant',
          '2026-03-03T09:01:00.000Z,Staff member B,Read your report,case.read',
          '2026-03-03T09:02:00.000Z,Staff member B,Downloaded a file from your report,file.download',
          '2026-03-04T09:02:00.000Z,You,You signed in with your receipt,reporter.sign_in',
          '',
        ].join('\r\n'),
      );
      const json = await t.app.inject({ method: 'GET', url: '/follow-up/report/accesses.json', headers: { cookie } });
      expect(json.headers['content-disposition']).toBe(`attachment; filename="accesses-${report.reference}.json"`);
      expect((JSON.parse(json.body) as AccessLog).entries).toEqual(log.entries);
      const apiCsv = await t.app.inject({ method: 'GET', url: '/api/v1/reporter/accesses.csv', headers: { cookie } });
      expect(apiCsv.body).toBe(csv.body);

      // No staff id, name, user name or role anywhere the reporter sees it.
      for (const text of [section, csv.body, json.body, res.body])
        for (const role of ['supervisor', 'handler'] as const)
          for (const secret of [t.users[role].id, `Test ${role}`, role])
            expect([secret, text.toLowerCase().includes(secret.toLowerCase())]).toEqual([secret, false]);

      // Signed out, the downloads send the reporter to sign in again (no record without the receipt).
      const signedOut = await t.app.inject({ method: 'GET', url: '/follow-up/report/accesses.csv' });
      expect([signedOut.statusCode, signedOut.headers.location]).toEqual([303, '/follow-up?expired=1']);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/reporter/accesses' })).statusCode).toBe(401);
    }));

  it('records reading who may work on a case, each case a search finds, and replies, for the reporter', () =>
    withScenario(dialect, async ({ t, report }) => {
      const sup = await actor(t, 'supervisor');
      expect((await sup.get(`/api/v1/cases/${report.id}/access`)).statusCode).toBe(200);
      expect((await sup.get('/api/v1/cases/search?q=gate')).json()).toMatchObject({ items: [{ id: report.id }] });
      expect((await sup.get('/api/v1/cases/search?q=nothing-like-this')).json()).toMatchObject({ items: [] });
      const body = { body: 'Thank you.', visibility: 'reporter' };
      expect((await sup.send('POST', `/api/v1/cases/${report.id}/messages`, body)).statusCode).toBe(201);
      const rows = await t.deps.db
        .selectFrom('audit')
        .select(['action', 'subject', 'reason'])
        .where('seq', '>', 12)
        .orderBy('seq')
        .execute();
      expect(rows).toEqual([
        { action: 'session.create', subject: null, reason: null },
        { action: 'case.access_read', subject: `report:${report.id}`, reason: null },
        { action: 'case.search', subject: null, reason: '1 cases' },
        { action: 'case.search_hit', subject: `report:${report.id}`, reason: null },
        { action: 'case.search', subject: null, reason: '1 cases' },
        { action: 'case.reply', subject: `report:${report.id}`, reason: null },
      ]);
      const cookie = await reporterCookie(t, report.receipt);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/reporter/accesses', headers: { cookie } });
      expect((res.json() as AccessLog).entries.slice(4).map((e) => [e.who, e.purpose])).toEqual([
        ['Staff member A', 'Looked at who may work on your report'],
        ['Staff member A', 'Searched the reports they work on, and the search found yours'],
        ['Staff member A', 'Sent you a reply'],
        ['You', 'You signed in with your receipt'],
      ]);
    }));

  it('keeps investigative steps out of the reporter’s record, and in the oversight officers’ view', () =>
    withScenario(dialect, async ({ t, report }) => {
      const sup = await actor(t, 'supervisor');
      const handler = await actor(t, 'handler');
      expect(
        (await sup.send('POST', `/api/v1/cases/${report.id}/legal-hold`, { reason: 'Internal inquiry' })).statusCode,
      ).toBe(200);
      const note = { body: 'Check the plate.', visibility: 'internal' };
      expect((await sup.send('POST', `/api/v1/cases/${report.id}/messages`, note)).statusCode).toBe(201);
      const requestId = await approval(t, {
        requester: 'handler',
        decider: 'supervisor',
        caseId: report.id,
        kind: 'export',
      });
      expect((await handler.get(`/api/v1/cases/${report.id}/export?requestId=${requestId}`)).statusCode).toBe(200);
      expect((await handler.get(`/api/v1/cases/${report.id}/actions`)).statusCode).toBe(200);

      const hidden = [
        'case.legal_hold',
        'case.note',
        'request.create',
        'request.approve',
        'request.use',
        'case.export',
        'action.read',
      ];
      const oversight = await actor(t, 'oversight');
      const full = (await oversight.get(`/api/v1/audit/reports/${report.reference}/accesses`)).json() as AccessLog;
      expect(full.entries.map((e) => e.action).filter((a) => hidden.includes(a))).toEqual(hidden);

      const cookie = await reporterCookie(t, report.receipt);
      const api = (
        await t.app.inject({ method: 'GET', url: '/api/v1/reporter/accesses', headers: { cookie } })
      ).json() as AccessLog;
      expect(api.entries.map((e) => [e.who, e.action])).toEqual([
        ['You', 'report.submit'],
        ['Staff member A', 'case.grant'],
        ['Staff member B', 'case.read'],
        ['Staff member B', 'file.download'],
        ['Staff member C', 'audit.export'],
        ['You', 'reporter.sign_in'],
      ]);
      const json = await t.app.inject({ method: 'GET', url: '/follow-up/report/accesses.json', headers: { cookie } });
      expect((json.json() as AccessLog).entries).toEqual(api.entries);
      const csv = await t.app.inject({ method: 'GET', url: '/follow-up/report/accesses.csv', headers: { cookie } });
      const page = await t.app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie } });
      for (const body of [csv.body, page.body]) {
        expect(body).toContain('Read your report');
        for (const words of ['legal hold', 'Exported your report', 'internal note', 'second person', 'approved step'])
          expect(body).not.toContain(words);
      }
    }));

  it('answers 404 on every /api/v1/audit route to every role but oversight officers, 401 signed out', () =>
    withScenario(dialect, async ({ t, report }) => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const paths = Object.keys(doc.paths)
        .filter((p) => p.startsWith('/api/v1/audit'))
        .sort();
      expect(paths).toEqual([
        '/api/v1/audit',
        '/api/v1/audit/actors',
        '/api/v1/audit/export',
        '/api/v1/audit/reports/{reference}/accesses',
        '/api/v1/audit/reports/{reference}/accesses.csv',
        '/api/v1/audit/verify',
      ]);
      const urls = paths.map((p) => p.replace('{reference}', report.reference));
      for (const role of ROLES.filter((r) => r !== 'oversight')) {
        const who = await actor(t, role);
        for (const url of urls) {
          const res = await who.get(url);
          expect([role, url, res.statusCode, errorId(res)]).toEqual([role, url, 404, 'not_found']);
        }
      }
      for (const url of urls)
        expect([url, (await t.app.inject({ method: 'GET', url })).statusCode]).toEqual([url, 401]);
      // Nothing the others tried was read or exported.
      expect(await t.deps.db.selectFrom('audit').select('seq').where('action', 'like', 'audit.%').execute()).toEqual(
        [],
      );
      const oversight = await actor(t, 'oversight');
      for (const url of urls) expect([url, (await oversight.get(url)).statusCode]).toEqual([url, 200]);
      const actors = (await oversight.get('/api/v1/audit/actors')).json() as { actors: { displayName: string }[] };
      expect(actors.actors.map((a) => a.displayName)).toEqual(ROLES.map((r) => `Test ${r}`).sort());
    }));

  it('shows oversight officers actors by name and role, actions in words, filtered and paged newest first', () =>
    withScenario(dialect, async ({ t, report }) => {
      const sup = await actor(t, 'supervisor');
      const body = { body: 'Thank you.', visibility: 'reporter' };
      expect((await sup.send('POST', `/api/v1/cases/${report.id}/messages`, body)).statusCode).toBe(201);
      const oversight = await actor(t, 'oversight');
      const first = await oversight.get(`/api/v1/audit?subject=${report.reference.toLowerCase()}&action=case.&limit=2`);
      expect(first.statusCode).toBe(200);
      const page1 = first.json() as AuditPage;
      expect(page1.items.map((i) => [i.seq, i.action])).toEqual([
        [14, 'case.reply'],
        [11, 'case.read'],
      ]);
      expect(page1.items[0]).toEqual({
        seq: 14,
        at: '2026-03-04T09:02:00.000Z',
        actor: { kind: 'staff', id: t.users.supervisor.id, name: 'Test supervisor', role: 'supervisor' },
        action: 'case.reply',
        actionText: 'Replied to the reporter',
        subject: `report:${report.id}`,
        subjectText: `Report ${report.reference}`,
        reason: null,
      });
      expect(page1.nextCursor).toBe(11);
      const page2 = (
        await oversight.get(`/api/v1/audit?subject=report:${report.id}&action=case.&limit=2&cursor=11`)
      ).json() as AuditPage;
      expect(page2).toMatchObject({
        items: [{ seq: 9, action: 'case.grant', reason: `user:${t.users.handler.id}` }],
        nextCursor: null,
      });

      const day = `from=2026-03-03&to=2026-03-03&actor=${t.users.handler.id}`;
      const handlerDay = (await oversight.get(`/api/v1/audit?${day}`)).json() as AuditPage;
      expect(handlerDay.items.map((i) => [i.at, i.action, i.actionText, i.actor.name, i.actor.role])).toEqual([
        [
          '2026-03-03T09:02:00.000Z',
          'file.download',
          'Downloaded the cleaned copy of a file',
          'Test handler',
          'handler',
        ],
        ['2026-03-03T09:01:00.000Z', 'case.read', 'Opened a case', 'Test handler', 'handler'],
        ['2026-03-03T09:01:00.000Z', 'session.create', 'Signed in', 'Test handler', 'handler'],
      ]);
      const reporterSteps = (await oversight.get('/api/v1/audit?actor=reporter&action=report.')).json() as AuditPage;
      expect(reporterSteps.items.map((i) => [i.seq, i.action, i.actor])).toEqual([
        [7, 'report.submit', { kind: 'reporter', id: 'reporter', name: 'The reporter', role: null }],
      ]);

      // Each read was itself recorded: the report it concerned, and the filters.
      const reads = (await oversight.get('/api/v1/audit?action=audit.read')).json() as AuditPage;
      expect(reads.items.map((i) => [i.actor.name, i.subject, i.reason])).toEqual([
        ['Test oversight', null, 'actor=reporter action=report.'],
        ['Test oversight', null, `from=2026-03-03 to=2026-03-03 actor=${t.users.handler.id}`],
        ['Test oversight', `report:${report.id}`, `action=case. subject=report:${report.id} cursor=11`],
        ['Test oversight', `report:${report.id}`, `action=case. subject=report:${report.id}`],
      ]);

      const unknown = await oversight.get('/api/v1/audit?subject=R-00000000');
      expect([unknown.statusCode, errorId(unknown)]).toEqual([400, 'unknown_reference']);
      const backwards = await oversight.get('/api/v1/audit?from=2026-03-04&to=2026-03-03');
      expect([backwards.statusCode, errorId(backwards)]).toEqual([400, 'invalid_range']);
      const noSuchDay = await oversight.get('/api/v1/audit?from=2026-02-30');
      expect([noSuchDay.statusCode, errorId(noSuchDay)]).toEqual([400, 'invalid_date']);
      expect((await oversight.get('/api/v1/audit?from=2027-01-01')).json()).toEqual({ items: [], nextCursor: null });

      // The last day there is: the range is open-ended, not empty (its next day, year 10000, sorts before every year).
      const seqs = async (query: string) => {
        const res = await oversight.get(`/api/v1/audit?${query}&limit=200`);
        expect(res.statusCode).toBe(200);
        return (res.json() as AuditPage).items.map((i) => i.seq);
      };
      const everything = await seqs('action=user.create');
      expect(everything).toEqual([6, 5, 4, 3, 2, 1]);
      for (const query of ['from=1900-01-01&to=9999-12-31', 'from=2026-01-01&to=9999-12-31', 'to=9999-12-31'])
        expect(await seqs(`${query}&action=user.create`)).toEqual(everything);
      // One day, from its first to its last millisecond, both inclusive.
      expect(await seqs('from=2026-03-02&to=2026-03-02')).toEqual([6, 5, 4, 3, 2, 1]);
      const last = await oversight.get('/api/v1/audit/export?from=2026-03-03&to=9999-12-31');
      expect(last.headers['content-disposition']).toMatch(/^attachment; filename="confide-audit-7-\d+\.ndjson"$/);
    }));

  it('exports the log as NDJSON that `audit verify --file` checks, naming a tampered or removed line', () =>
    withScenario(dialect, async ({ t }) => {
      const oversight = await actor(t, 'oversight');
      const all = await oversight.get('/api/v1/audit/export');
      expect(all.statusCode).toBe(200);
      expect(all.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      expect(all.headers['content-disposition']).toBe('attachment; filename="confide-audit-1-14.ndjson"');
      const lines = all.body.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(14);
      const last = JSON.parse(lines[13]!) as Record<string, unknown>;
      expect(Object.keys(last)).toEqual(['seq', 'at', 'actor', 'action', 'subject', 'reason', 'prev_hash', 'hash']);
      // Recorded before it is read: the export holds its own entry, last.
      expect(last).toMatchObject({
        seq: 14,
        actor: t.users.oversight.id,
        action: 'audit.export',
        reason: 'start..now',
      });
      expect(await verifyAuditExport(lines)).toMatchObject({ ok: true, entries: 14, first: 1, last: 14 });

      // A range of dates starts mid-chain, from its first entry's previous hash.
      const day = await oversight.get('/api/v1/audit/export?from=2026-03-03&to=2026-03-03');
      expect(day.headers['content-disposition']).toBe('attachment; filename="confide-audit-7-12.ndjson"');
      const dayLines = day.body.trimEnd().split('\n');
      const entries = dayLines.map(
        (l) => JSON.parse(l) as { seq: number; at: string; action: string; prev_hash: string; hash: string },
      );
      expect(entries.map((e) => [e.seq, e.action])).toEqual([
        [7, 'report.submit'],
        [8, 'session.create'],
        [9, 'case.grant'],
        [10, 'session.create'],
        [11, 'case.read'],
        [12, 'file.download'],
      ]);
      const file = path.join(tmp, `${dialect}.ndjson`);
      fs.writeFileSync(file, day.body);
      expect(confide(['audit', 'verify', '--file', file])).toEqual({
        code: 0,
        err: '',
        out: `The export is whole: 6 entries (7 to 12), each linked to the one before. Its first entry follows entry 6, whose hash must be ${entries[0]!.prev_hash}: compare it with the log or an earlier export.\nHead: 12:${entries[5]!.hash}\n`,
      });

      // Someone changes who read the case: that line is named.
      const tampered = [...dayLines];
      tampered[4] = tampered[4]!.replace(t.users.handler.id, t.users.supervisor.id);
      fs.writeFileSync(file, `${tampered.join('\n')}\n`);
      expect(confide(['audit', 'verify', '--file', file])).toEqual({
        code: 1,
        out: '',
        err: 'The export is broken at line 5: entry 11 was changed after it was written. 4 entries before it are whole.\n',
      });
      // Someone removes that line instead: the chain breaks where it was.
      fs.writeFileSync(file, `${dayLines.filter((_, i) => i !== 4).join('\n')}\n`);
      expect(confide(['audit', 'verify', '--file', file])).toEqual({
        code: 1,
        out: '',
        err: 'The export is broken at line 5: entry 11 is missing (the next one is 12). 4 entries before it are whole.\n',
      });
    }));

  it('checks the chain for the page, in words, and says where it breaks', () =>
    withScenario(dialect, async ({ t }) => {
      const oversight = await actor(t, 'oversight');
      const whole = (await oversight.get('/api/v1/audit/verify')).json() as AuditVerifyResult;
      expect(whole).toEqual({
        ok: true,
        entries: 13,
        seq: null,
        problem: null,
        message: 'The audit log is whole: all 13 entries are each linked to the one before, and none was changed.',
        checkedAt: '2026-03-04T09:02:00.000Z',
      });
      await t.deps.db.updateTable('audit').set({ actor: t.users.supervisor.id }).where('seq', '=', 11).execute();
      const broken = (await oversight.get('/api/v1/audit/verify')).json() as AuditVerifyResult;
      expect(broken).toMatchObject({ ok: false, entries: 10, seq: 11, problem: 'content_hash' });
      expect(broken.message).toMatch(
        /^The audit log is broken at entry 11: entry 11 was changed after it was written\. /,
      );
    }));

  it("gives oversight officers a report's record by reference, and the record shows they produced it", () =>
    withScenario(dialect, async ({ t, report }) => {
      const oversight = await actor(t, 'oversight');
      const res = await oversight.get(`/api/v1/audit/reports/${report.reference}/accesses`);
      expect(res.statusCode).toBe(200);
      const log = res.json() as AccessLog;
      expect(log.entries.map((e) => [e.who, e.action])).toEqual([
        ['You', 'report.submit'],
        ['Staff member A', 'case.grant'],
        ['Staff member B', 'case.read'],
        ['Staff member B', 'file.download'],
        ['Staff member C', 'audit.export'],
      ]);
      expect(log.entries[4]!.purpose).toBe('Exported the record of who has accessed your report');
      const cookie = await reporterCookie(t, report.receipt);
      const own = await t.app.inject({ method: 'GET', url: '/api/v1/reporter/accesses', headers: { cookie } });
      expect((own.json() as AccessLog).entries.slice(0, 5)).toEqual(log.entries);
      const csv = await oversight.get(`/api/v1/audit/reports/${report.reference}/accesses.csv`);
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="accesses-${report.reference}.csv"`);
      expect(csv.body.split('\r\n')[3]).toBe('2026-03-03T09:01:00.000Z,Staff member B,Read your report,case.read');
      const missing = await oversight.get('/api/v1/audit/reports/R-00000000/accesses');
      expect([missing.statusCode, errorId(missing)]).toEqual([404, 'not_found']);
    }));
});
