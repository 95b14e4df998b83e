/**
 * Category staff on every database: a new report is granted only to the supervisors of its category, a category
 * without one takes no reports, and granting a case to someone outside its category's staff needs a request a
 * second person approved (the two-person rule), used once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockWithPassword } from '../../src/crypto/keyring.ts';
import type { Viewer } from '../../src/domain/viewer.ts';
import { setUserCategories } from '../../src/domain/accounts/category-staff.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { decideRequest } from '../../src/domain/requests/decide.ts';
import { createRequest } from '../../src/domain/requests/requests.ts';
import { addUser } from '../../src/domain/accounts/users.ts';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { actor, errorId, errorMessage } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';
import { addStaff, pendingNotices } from '../helpers/staff-work.ts';

const GATE = { what_happened: 'Photos of the gate.', danger: 'no' };

describe.each(DIALECTS)('category staff on %s', (dialect) => {
  let t: TestApp;
  let handlerEsp: string;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    await setUserCategories(t.deps, null, 'supervisor', ['leak']);
    await addStaff(t.deps, 'sup-a', 'supervisor');
    await setUserCategories(t.deps, null, 'sup-a', ['espionage']);
    await addStaff(t.deps, 'sup-b', 'supervisor');
    await setUserCategories(t.deps, null, 'sup-b', ['leak', 'espionage']);
    await setUserCategories(t.deps, null, 'handler', ['leak']);
    handlerEsp = (
      await addUser(t.deps, { username: 'h-esp', role: 'handler', password: PASSWORD, displayName: 'Hana Esposito' })
    ).user.id;
    await setUserCategories(t.deps, null, handlerEsp, ['espionage']);
  });
  afterAll(async () => t?.close());

  async function submit(category: string, answers: Record<string, unknown>) {
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      ...(await multipart(reportParts({ category, answers }))),
    });
  }

  async function submitted(category: string, answers: Record<string, unknown>): Promise<string> {
    expect((await submit(category, answers)).statusCode).toBe(201);
    const row = await t.deps.db
      .selectFrom('reports')
      .select('id')
      .orderBy('received_at', 'desc')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const holders = async (reportId: string) =>
    (
      await t.deps.db
        .selectFrom('grants')
        .innerJoin('users', 'users.id', 'grants.user_id')
        .select('users.username')
        .where('grants.report_id', '=', reportId)
        .where('grants.scope', '=', 'case')
        .execute()
    )
      .map((g) => g.username)
      .sort();

  /** The viewer of a signed-in session, for the domain's request functions. */
  async function viewer(username: string): Promise<Viewer> {
    const row = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    const secretKey = await unlockWithPassword(
      PASSWORD,
      {
        passwordSalt: row.password_salt,
        passwordVerifier: row.password_verifier,
        wrappedSecretKey: row.wrapped_secret_key,
      },
      t.deps.argon2,
    );
    return { userId: row.id, role: row.role, publicKey: row.public_key, secretKey: secretKey! };
  }

  it("grants a new report only to its category's supervisors, and refuses a category without one", async () => {
    await t.deps.db.deleteFrom('notifications').execute();
    const espionage = await submitted('espionage', GATE);
    expect(await holders(espionage)).toEqual(['sup-a', 'sup-b']);
    expect(await pendingNotices(t.deps)).toEqual(['sup-a:new_report', 'sup-b:new_report']);
    expect((await (await actor(t, 'supervisor')).get(`/api/v1/cases/${espionage}`)).statusCode).toBe(404);
    const leak = await submitted('leak', { what_leaked: 'Plans.', ...GATE });
    expect(await holders(leak)).toEqual(['sup-b', 'supervisor']);

    const refused = await submit('cyber-espionage', GATE);
    expect([refused.statusCode, errorId(refused), errorMessage(refused)]).toEqual([
      503,
      'not_accepting',
      'This kind of report cannot be taken through the web form at the moment. Please use another channel listed on the first page.',
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/report/cyber-espionage' })).statusCode).toBe(503);
    expect((await t.app.inject({ method: 'GET', url: '/report/espionage' })).statusCode).toBe(200);
  });

  it("needs an approved grant_outside request to grant outside the category's staff, and uses it once", async () => {
    const id = await submitted('espionage', GATE);
    const supA = await actor(t, 'sup-a');
    const picker = (await supA.get('/api/v1/staff?role=handler')).json() as {
      staff: { username: string; categories: string[] | null }[];
    };
    expect(picker.staff.map((s) => [s.username, s.categories])).toEqual([
      ['h-esp', ['espionage']],
      ['handler', ['leak']],
    ]);
    expect((await supA.send('POST', `/api/v1/cases/${id}/grants`, { userId: handlerEsp })).statusCode).toBe(201);

    const outside = await supA.send('POST', `/api/v1/cases/${id}/grants`, { userId: t.users.handler.id });
    expect([outside.statusCode, errorId(outside), errorMessage(outside)]).toEqual([
      409,
      'approval_required',
      "Test handler does not work on “Espionage”. Granting the case to someone outside the category's staff needs an approved request: ask for one (“Grant the case to someone outside the category's staff”), and grant it once a second person has approved it.",
    ]);

    const asker = await viewer('sup-a');
    const { id: requestId } = await createRequest(t.deps, asker, {
      reportId: id,
      kind: 'grant_outside',
      reason: 'The handler speaks the language of the witnesses.',
      legalBasis: 'Internal rules §4',
      subject: t.users.handler.id,
    });
    const early = await supA.send('POST', `/api/v1/cases/${id}/grants`, { userId: t.users.handler.id, requestId });
    expect([early.statusCode, errorId(early)]).toEqual([409, 'approval_required']);
    await expect(decideRequest(t.deps, asker, requestId, { decision: 'approve' })).rejects.toThrow(DomainError);
    expect(await decideRequest(t.deps, await viewer('sup-b'), requestId, { decision: 'approve' })).toEqual({
      status: 'approved',
    });

    // Someone else's approval does not serve.
    const supB = await actor(t, 'sup-b');
    const borrowed = await supB.send('POST', `/api/v1/cases/${id}/grants`, { userId: t.users.handler.id, requestId });
    expect([borrowed.statusCode, errorId(borrowed)]).toEqual([409, 'approval_required']);

    const granted = await supA.send('POST', `/api/v1/cases/${id}/grants`, { userId: t.users.handler.id, requestId });
    expect(granted.statusCode).toBe(201);
    expect(await holders(id)).toEqual(['h-esp', 'handler', 'sup-a', 'sup-b']);
    const request = await t.deps.db
      .selectFrom('requests')
      .select(['status', 'used_at'])
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(request.status).toBe('used');
    const events = ((await supA.get(`/api/v1/cases/${id}`)).json() as { events: { summary: string }[] }).events;
    expect(events.map((e) => e.summary).filter((s) => s.startsWith('Granted'))).toEqual([
      'Granted to Hana Esposito',
      "Granted to Test handler (outside the category's staff, approved)",
    ]);

    expect((await supA.send('DELETE', `/api/v1/cases/${id}/grants/${t.users.handler.id}`)).statusCode).toBe(200);
    const reused = await supA.send('POST', `/api/v1/cases/${id}/grants`, { userId: t.users.handler.id, requestId });
    expect([reused.statusCode, errorId(reused)]).toEqual([409, 'approval_required']);
  });

  it('sets categories by username or id, checked against the profile, and audits the change', async () => {
    await expect(setUserCategories(t.deps, 'cli', 'handler', ['espionage', 'nope'])).rejects.toMatchObject({
      id: 'unknown_category',
      message:
        'There is no category “nope”. Categories: espionage, cyber-espionage, third-country, leak, self-disclosure, complaint-official.',
    });
    await expect(setUserCategories(t.deps, 'cli', 'nobody', null)).rejects.toMatchObject({ id: 'not_found' });
    expect(await setUserCategories(t.deps, 'cli', ' Handler ', ['leak', 'espionage', 'leak'])).toEqual({
      id: t.users.handler.id,
      username: 'handler',
      categories: ['espionage', 'leak'],
    });
    expect(await setUserCategories(t.deps, 'cli', t.users.handler.id, null)).toEqual({
      id: t.users.handler.id,
      username: 'handler',
      categories: null,
    });
    const row = await t.deps.db
      .selectFrom('users')
      .select('categories')
      .where('id', '=', t.users.handler.id)
      .executeTakeFirstOrThrow();
    expect(row.categories).toBeNull();
    const audit = await t.deps.db
      .selectFrom('audit')
      .select(['actor', 'subject', 'reason'])
      .where('action', '=', 'user.categories')
      .where('subject', '=', `user:${t.users.handler.id}`)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { actor: null, subject: `user:${t.users.handler.id}`, reason: 'leak' },
      { actor: 'cli', subject: `user:${t.users.handler.id}`, reason: 'espionage,leak' },
      { actor: 'cli', subject: `user:${t.users.handler.id}`, reason: 'all' },
    ]);
  });
});
