/**
 * Complaints about officials on every database (CEL 2023 Art. 52; DESIGN flow 7): they go to oversight officers
 * only, staff named in them are excluded before any key is sealed to them (the identity key included), only
 * oversight officers manage their access, and a complaint nobody could open is refused while other kinds of
 * report are still taken (one naming every oversight officer goes to the unnamed supervisors:
 * complaint-safeguards.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseKeys } from '../../src/domain/cases/access.ts';
import { listExclusions } from '../../src/domain/cases/exclusion-store.ts';
import { addUser } from '../../src/domain/accounts/users.ts';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { viewerOf } from '../helpers/approvals.ts';
import { actor, errorId, errorMessage } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';
import { pendingNotices } from '../helpers/staff-work.ts';

const COMPLAINT = {
  what_happened: 'An officer took my passport at the border and kept it for a week.',
  officials: 'Officer ZOE BRANDT, and a clerk called Cato Reyes.',
  danger: 'no',
};
const CLOSED =
  'This kind of report cannot be taken through the web form at the moment. Please use another channel listed on the first page.';

async function post(t: TestApp, category: string, answers: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    ...(await multipart(reportParts({ category, answers }))),
  });
}

const newest = (t: TestApp) =>
  t.deps.db.selectFrom('reports').select('id').orderBy('received_at', 'desc').orderBy('id').executeTakeFirstOrThrow();

async function staff(t: TestApp, username: string, role: string, displayName: string): Promise<string> {
  return (await addUser(t.deps, { username, role, password: PASSWORD, displayName })).user.id;
}

describe.each(DIALECTS)('complaints about officials on %s', (dialect) => {
  let t: TestApp;
  let id: string;
  let named: { brandt: string; reyes: string; kim: string };
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    named = {
      brandt: await staff(t, 'zbrandt', 'oversight', 'Zoë Brandt'),
      reyes: await staff(t, 'creyes', 'custodian', 'Cato Reyes'),
      kim: await staff(t, 'okim', 'oversight', 'Olga Kim'),
    };
    const res = await post(t, 'complaint-official', COMPLAINT);
    expect(res.statusCode).toBe(201);
    id = (await newest(t)).id;
  });
  afterAll(async () => t?.close());

  it('grants the complaint to the unnamed oversight officers and custodians only, and excludes the staff it names', async () => {
    const grants = await t.deps.db
      .selectFrom('grants')
      .innerJoin('users', 'users.id', 'grants.user_id')
      .select(['users.username', 'grants.scope'])
      .where('grants.report_id', '=', id)
      .execute();
    expect(grants.map((g) => `${g.username}:${g.scope}`).sort()).toEqual([
      'custodian:identity',
      'okim:case',
      'okim:evidence',
      'oversight:case',
      'oversight:evidence',
    ]);
    // The exclusions are sealed under the case key: its holders read them, a copy of the database does not.
    const keys = await caseKeys(t.deps, await viewerOf(t, 'oversight'), id);
    const exclusions = await listExclusions(t.deps.db, id, keys.caseKey);
    const seen = exclusions.map(({ userId, reason, createdBy, note }) => ({ userId, reason, createdBy, note }));
    expect(seen.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual(
      [named.brandt, named.reyes]
        .sort()
        .map((userId) => ({ userId, reason: 'named_in_report', createdBy: null, note: null })),
    );
    expect(await t.deps.db.selectFrom('exclusions').selectAll().where('report_id', '=', id).execute()).toEqual([]);
    expect(await pendingNotices(t.deps)).toEqual(['okim:new_report', 'oversight:new_report']);
    const audit = await t.deps.db
      .selectFrom('audit')
      .select(['actor', 'action'])
      .where('subject', '=', `report:${id}`)
      .execute();
    expect(audit).toEqual([{ actor: 'reporter', action: 'report.submit' }]);
  });

  it('answers 404 to supervisors and to the named oversight officer; the unnamed one holds and manages it', async () => {
    for (const who of ['supervisor', 'zbrandt']) {
      const a = await actor(t, who);
      expect([who, (await a.get(`/api/v1/cases/${id}`)).statusCode]).toEqual([who, 404]);
      expect([who, (await a.get(`/api/v1/cases/${id}/protection`)).statusCode]).toEqual([who, 404]);
      const list = (await a.get('/api/v1/cases')).json() as { items: { id: string }[] };
      expect(list.items.map((i) => i.id)).not.toContain(id);
    }
    const over = await actor(t, 'oversight');
    const detail = (await over.get(`/api/v1/cases/${id}`)).json() as { canManageAccess: boolean; categoryKind: string };
    expect(detail).toMatchObject({ canManageAccess: true, categoryKind: 'complaint_about_official' });
    const access = (await over.get(`/api/v1/cases/${id}/access`)).json() as {
      grants: { displayName: string }[];
      exclusions: { displayName: string; reason: string }[];
    };
    expect(access.grants.map((g) => g.displayName)).toEqual(['Olga Kim', 'Test oversight']);
    expect(access.exclusions.map((x) => [x.displayName, x.reason])).toEqual([
      ['Cato Reyes', 'named_in_report'],
      ['Zoë Brandt', 'named_in_report'],
    ]);
  });

  it('is granted only to oversight officers, never to one it names; an ordinary case never to them', async () => {
    const over = await actor(t, 'oversight');
    const toHandler = await over.send('POST', `/api/v1/cases/${id}/grants`, { userId: t.users.handler.id });
    expect([toHandler.statusCode, errorId(toHandler), errorMessage(toHandler)]).toEqual([
      400,
      'not_grantable',
      'A complaint about an official is granted only to oversight officers (Counter-Espionage Law 2023, Article 52).',
    ]);
    const toNamed = await over.send('POST', `/api/v1/cases/${id}/grants`, { userId: named.brandt });
    expect([toNamed.statusCode, errorId(toNamed)]).toEqual([409, 'excluded']);
    expect((await over.send('DELETE', `/api/v1/cases/${id}/grants/${named.kim}`)).statusCode).toBe(200);
    expect((await over.send('POST', `/api/v1/cases/${id}/grants`, { userId: named.kim })).statusCode).toBe(201);
    const picker = (await over.get('/api/v1/staff?role=oversight')).json() as {
      staff: { username: string; categories: string[] | null }[];
    };
    expect(picker.staff.map((s) => [s.username, s.categories])).toEqual([
      ['okim', null],
      ['oversight', null],
      ['zbrandt', null],
    ]);
    // A supervisor holds the complaint nowhere, so cannot manage it either.
    const sup = await actor(t, 'supervisor');
    expect((await sup.send('POST', `/api/v1/cases/${id}/grants`, { userId: t.users.handler.id })).statusCode).toBe(404);

    expect((await post(t, 'espionage', { what_happened: 'Photos of the gate.', danger: 'no' })).statusCode).toBe(201);
    const ordinary = (await newest(t)).id;
    const toOversight = await sup.send('POST', `/api/v1/cases/${ordinary}/grants`, { userId: t.users.oversight.id });
    expect([toOversight.statusCode, errorId(toOversight)]).toEqual([400, 'not_grantable']);
    expect((await over.get(`/api/v1/cases/${ordinary}`)).statusCode).toBe(404);
  });

  it("tells the complaint's oversight officers, not supervisors, of a protection request", async () => {
    await t.deps.db.deleteFrom('notifications').execute();
    const receipt = await post(t, 'complaint-official', { ...COMPLAINT, officials: '' });
    const complaint = (await newest(t)).id;
    await t.deps.db.deleteFrom('notifications').execute();
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporter/session',
      payload: { receipt: (receipt.json() as { receipt: string }).receipt },
    });
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporter/protection',
      headers: {
        cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
        'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken,
      },
      payload: {},
    });
    expect(asked.statusCode).toBe(201);
    // Nobody was named this time: every active oversight officer holds it and hears of it.
    expect(await pendingNotices(t.deps)).toEqual(['okim:protection', 'oversight:protection', 'zbrandt:protection']);
    const over = await actor(t, 'oversight');
    const list = (await over.get(`/api/v1/cases/${complaint}/protection`)).json() as {
      requests: { account: string | null }[];
    };
    expect(list.requests.map((r) => r.account)).toEqual([null]);
  });
});

describe.each(DIALECTS)('taking complaints without oversight officers on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect, roles: ['supervisor', 'custodian', 'handler'] });
  });
  afterAll(async () => t?.close());

  it('refuses a complaint while no oversight officer is active, and still takes other reports', async () => {
    const refused = await post(t, 'complaint-official', COMPLAINT);
    expect([refused.statusCode, errorId(refused), errorMessage(refused)]).toEqual([503, 'not_accepting', CLOSED]);
    const page = await t.app.inject({ method: 'GET', url: '/report/complaint-official' });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('<h1>Complaint about an official: not available at the moment</h1>');
    expect((await t.app.inject({ method: 'GET', url: '/report/espionage' })).statusCode).toBe(200);
    expect((await post(t, 'espionage', { what_happened: 'Photos of the gate.', danger: 'no' })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: '/' })).body).toContain('href="/report/complaint-official"');
  });

  it('takes a complaint that names every oversight officer: the unnamed supervisors get it (complaint-safeguards)', async () => {
    await staff(t, 'zbrandt', 'oversight', 'Zoë Brandt');
    expect((await post(t, 'complaint-official', COMPLAINT)).statusCode).toBe(201);
    expect(
      (await post(t, 'complaint-official', { ...COMPLAINT, officials: 'An officer I do not know.' })).statusCode,
    ).toBe(201);
  });
});
