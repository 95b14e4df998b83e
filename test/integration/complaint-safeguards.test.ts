/**
 * Safeguards around complaints about officials, exclusions, grants and approvals, on every database: lifting the
 * exclusion of a colleague a complaint names needs a second manager's approval; an excluded oversight officer does
 * not follow the complaint through the audit log; a complaint naming every oversight officer goes to the category's
 * unnamed supervisors; closing a reopened complaint needs a new outcome notice; grant_outside requests name only
 * people they could serve; custodians work on their categories only; an expired approval says so.
 * @see CEL 2023 Art. 52; DESIGN "Two-person rule", flow 7
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUserCategories } from '../../src/domain/accounts/category-staff.ts';
import { addUser } from '../../src/domain/accounts/users.ts';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { actor, errorId, errorMessage, ESPIONAGE, submitCase, type Actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';

const DAY = 86_400_000;
const CLOSED =
  'This kind of report cannot be taken through the web form at the moment. Please use another channel listed on the first page.';
const complaint = (officials: string) => ({
  what_happened: 'An officer took my passport at the border and kept it for a week.',
  officials,
  danger: 'no',
});

async function staff(t: TestApp, username: string, role: string, displayName: string): Promise<string> {
  return (await addUser(t.deps, { username, role, password: PASSWORD, displayName })).user.id;
}

async function post(t: TestApp, category: string, answers: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    ...(await multipart(reportParts({ category, answers }))),
  });
}

/** `requester` asks for `kind` through the API; @returns the response */
function ask(requester: Actor, caseId: string, kind: string, subject?: string) {
  return requester.send('POST', '/api/v1/requests', {
    caseId,
    kind,
    reason: 'Needed for the investigation.',
    legalBasis: 'Counter-Espionage Law 2023, Art. 52',
    ...(subject === undefined ? {} : { subject }),
  });
}

const subjectError = (res: { json(): unknown }) =>
  (res.json() as { error: { details?: Record<string, string> } }).error.details?.subject;

describe.each(DIALECTS)('lifting a named exclusion, and the audit log of an excluded reader, on %s', (dialect) => {
  let t: TestApp;
  let clock = Date.now();
  let brandt: string;
  let c: { id: string; reference: string };
  beforeAll(async () => {
    t = await buildTestApp({ dialect, now: () => new Date(clock) });
    brandt = await staff(t, 'zbrandt', 'oversight', 'Zoë Brandt');
    await staff(t, 'okim', 'oversight', 'Olga Kim');
    c = await submitCase(t, {
      category: 'complaint-official',
      answers: complaint('Officer Zoë Brandt.'),
      finder: 'oversight',
    });
  });
  afterAll(async () => t?.close());

  it('hides the complaint from the audit log and its accesses export for the oversight officer it names', async () => {
    const named = await actor(t, 'zbrandt');
    const bySubject = await named.get(`/api/v1/audit?subject=report:${c.id}`);
    expect([bySubject.statusCode, (bySubject.json() as { items: unknown[] }).items]).toEqual([200, []]);
    const all = (await named.get('/api/v1/audit?limit=200')).json() as { items: { subject: string | null }[] };
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.filter((i) => i.subject === `report:${c.id}`)).toEqual([]);
    const byReference = await named.get(`/api/v1/audit?subject=${c.reference}`);
    expect([byReference.statusCode, errorId(byReference)]).toEqual([400, 'unknown_reference']);
    for (const url of [
      `/api/v1/audit/reports/${c.reference}/accesses`,
      `/api/v1/audit/reports/${c.reference}/accesses.csv`,
    ])
      expect([url, (await named.get(url)).statusCode]).toEqual([url, 404]);
    // An unnamed oversight officer still reads it all.
    const over = await actor(t, 'oversight');
    const seen = (await over.get(`/api/v1/audit?subject=report:${c.id}`)).json() as { items: { action: string }[] };
    expect(seen.items.map((i) => i.action)).toContain('report.submit');
    expect((await over.get(`/api/v1/audit/reports/${c.reference}/accesses`)).statusCode).toBe(200);
  });

  it('lifts a named_in_report exclusion only with another manager’s approval, once', async () => {
    const over = await actor(t, 'oversight');
    const alone = await over.send('DELETE', `/api/v1/cases/${c.id}/exclusions/${brandt}`);
    expect([alone.statusCode, errorId(alone)]).toEqual([409, 'approval_required']);
    // The named officer holds no part of the complaint: they cannot ask about it.
    expect((await ask(await actor(t, 'zbrandt'), c.id, 'lift_exclusion', brandt)).statusCode).toBe(404);
    const notExcluded = await ask(over, c.id, 'lift_exclusion', t.users.oversight.id);
    expect([notExcluded.statusCode, subjectError(notExcluded)]).toEqual([
      400,
      'You cannot ask about your own exclusion: another manager of the case must.',
    ]);
    const asked = await ask(over, c.id, 'lift_exclusion', brandt);
    expect(asked.statusCode).toBe(201);
    const requestId = (asked.json() as { id: string }).id;
    const own = await over.send('POST', `/api/v1/requests/${requestId}/decision`, { decision: 'approve' });
    expect([own.statusCode, errorId(own)]).toEqual([409, 'own_request']);
    const kim = await actor(t, 'okim');
    expect((await kim.send('POST', `/api/v1/requests/${requestId}/decision`, { decision: 'approve' })).statusCode).toBe(
      200,
    );
    const lifted = await over.send('DELETE', `/api/v1/cases/${c.id}/exclusions/${brandt}?requestId=${requestId}`);
    expect(lifted.statusCode).toBe(200);
    expect((lifted.json() as { exclusions: unknown[] }).exclusions).toEqual([]);
    expect((await over.send('POST', `/api/v1/cases/${c.id}/grants`, { userId: brandt })).statusCode).toBe(201);
    const again = await over.send('POST', `/api/v1/cases/${c.id}/grants`, { userId: brandt });
    expect([again.statusCode, errorId(again), errorMessage(again)]).toEqual([
      409,
      'already_granted',
      'Zoë Brandt already holds this case: nothing to grant.',
    ]);
    // Excluded again — she manages the complaint now, so that too needs Kim's approval —, the used approval does not
    // lift it a second time.
    const exclude = (id?: string) =>
      over.send('POST', `/api/v1/cases/${c.id}/exclusions`, {
        userId: brandt,
        reason: 'named_in_report',
        ...(id ? { requestId: id } : {}),
      });
    expect(errorId(await exclude())).toBe('approval_required');
    const toExclude = (await ask(over, c.id, 'exclude_holder', brandt)).json() as { id: string };
    expect(
      (await kim.send('POST', `/api/v1/requests/${toExclude.id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(200);
    expect((await exclude(toExclude.id)).statusCode).toBe(201);
    const reused = await over.send('DELETE', `/api/v1/cases/${c.id}/exclusions/${brandt}?requestId=${requestId}`);
    expect([reused.statusCode, errorId(reused)]).toEqual([409, 'approval_required']);
  });

  it('says an approval expired, and when, instead of asking for one', async () => {
    const over = await actor(t, 'oversight');
    const asked = await ask(over, c.id, 'lift_exclusion', brandt);
    const requestId = (asked.json() as { id: string }).id;
    const kim = await actor(t, 'okim');
    expect((await kim.send('POST', `/api/v1/requests/${requestId}/decision`, { decision: 'approve' })).statusCode).toBe(
      200,
    );
    const row = await t.deps.db
      .selectFrom('requests')
      .select('expires_at')
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    clock += 8 * DAY;
    const late = await (
      await actor(t, 'oversight')
    ).send('DELETE', `/api/v1/cases/${c.id}/exclusions/${brandt}?requestId=${requestId}`);
    expect([late.statusCode, errorId(late), errorMessage(late)]).toEqual([
      409,
      'approval_expired',
      `This approval expired on ${row.expires_at.slice(0, 16).replace('T', ' ')} UTC; ask again (“Lift the exclusion of a staff member named in the report”), and a second person must approve it anew.`,
    ]);
  });
});

describe.each(DIALECTS)('closing a reopened complaint on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(async () => t?.close());

  it('needs an outcome notice sent after the last reopening', async () => {
    const c = await submitCase(t, { category: 'complaint-official', answers: complaint(''), finder: 'oversight' });
    const over = await actor(t, 'oversight');
    const status = (body: Record<string, unknown>) => over.send('POST', `/api/v1/cases/${c.id}/status`, body);
    const notice = () =>
      over.send('POST', `/api/v1/cases/${c.id}/messages`, {
        body: 'Your complaint was found substantiated.',
        visibility: 'reporter',
        kind: 'outcome_notice',
      });
    expect((await notice()).statusCode).toBe(201);
    expect((await status({ status: 'closed', outcome: 'substantiated' })).statusCode).toBe(200);
    expect((await status({ status: 'assessing', reason: 'New evidence arrived.' })).statusCode).toBe(200);
    expect((await over.send('POST', `/api/v1/cases/${c.id}/risk`, { level: 'low' })).statusCode).toBe(200);
    const refused = await status({ status: 'closed', outcome: 'unsubstantiated' });
    expect([refused.statusCode, errorId(refused)]).toEqual([409, 'outcome_notice_required']);
    expect((await notice()).statusCode).toBe(201);
    expect((await status({ status: 'closed', outcome: 'unsubstantiated' })).statusCode).toBe(200);
  });
});

describe.each(DIALECTS)('grant_outside requests on %s', (dialect) => {
  let t: TestApp;
  let c: { id: string };
  let sup2: string;
  let outsider: string;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    sup2 = await staff(t, 'sup2', 'supervisor', 'Second Supervisor');
    outsider = await staff(t, 'hout', 'handler', 'Hana Outside');
    await setUserCategories(t.deps, null, outsider, ['leak']);
    c = await submitCase(t);
  });
  afterAll(async () => t?.close());

  it('refuses people it could never serve, with the reason at the subject', async () => {
    const sup = await actor(t, 'supervisor');
    const cases: [string, string][] = [
      [
        t.users.custodian.id,
        'Test custodian can never be granted this case. Cases are granted to handlers and supervisors, not to the role “custodian”.',
      ],
      [
        t.users.administrator.id,
        'Test administrator can never be granted this case. Cases are granted to handlers and supervisors, not to the role “administrator”.',
      ],
      [
        t.users.operator.id,
        'Test operator can never be granted this case. Cases are granted to handlers and supervisors, not to the role “operator”.',
      ],
      [
        t.users.oversight.id,
        'Test oversight can never be granted this case. Cases are granted to handlers and supervisors, not to the role “oversight”.',
      ],
      [
        t.users.handler.id,
        'Test handler works on “Espionage”: grant the case to them directly, no approval is needed.',
      ],
      [sup2, 'Second Supervisor already holds this case: there is nothing to approve.'],
      [t.users.supervisor.id, 'You already hold this case. Choose the person to grant it to.'],
    ];
    for (const [subject, message] of cases) {
      const res = await ask(sup, c.id, 'grant_outside', subject);
      expect([res.statusCode, errorId(res), subjectError(res)]).toEqual([400, 'invalid_subject', message]);
    }
    expect((await ask(sup, c.id, 'grant_outside', outsider)).statusCode).toBe(201);
    expect(await t.deps.db.selectFrom('requests').select('subject').execute()).toEqual([{ subject: outsider }]);
  });

  it('refuses a supervisor on a complaint about an official', async () => {
    const complaintCase = await submitCase(t, {
      category: 'complaint-official',
      answers: complaint(''),
      finder: 'oversight',
    });
    const res = await ask(await actor(t, 'oversight'), complaintCase.id, 'grant_outside', t.users.supervisor.id);
    expect([res.statusCode, subjectError(res)]).toEqual([
      400,
      'Test supervisor can never be granted this case. A complaint about an official is granted only to oversight officers (Counter-Espionage Law 2023, Article 52).',
    ]);
  });

  it('answers a re-grant that the person already holds the case', async () => {
    const res = await (await actor(t, 'supervisor')).send('POST', `/api/v1/cases/${c.id}/grants`, { userId: sup2 });
    expect([res.statusCode, errorId(res)]).toEqual([409, 'already_granted']);
  });
});

describe.each(DIALECTS)('complaints naming every oversight officer on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect, roles: ['supervisor', 'custodian', 'handler'] });
    await staff(t, 'zbrandt', 'oversight', 'Zoë Brandt');
  });
  afterAll(async () => t?.close());

  it("goes to the category's unnamed supervisors, and the case history says so", async () => {
    const res = await post(t, 'complaint-official', complaint('Officer Zoë Brandt.'));
    expect(res.statusCode).toBe(201);
    const report = await t.deps.db
      .selectFrom('reports')
      .select('id')
      .orderBy('received_at', 'desc')
      .executeTakeFirstOrThrow();
    const grants = await t.deps.db
      .selectFrom('grants')
      .innerJoin('users', 'users.id', 'grants.user_id')
      .select(['users.username', 'grants.scope'])
      .where('grants.report_id', '=', report.id)
      .execute();
    expect(grants.map((g) => `${g.username}:${g.scope}`).sort()).toEqual([
      'custodian:identity',
      'supervisor:case',
      'supervisor:evidence',
    ]);
    const detail = (await (await actor(t, 'supervisor')).get(`/api/v1/cases/${report.id}`)).json() as {
      events: { summary: string; actorName: string | null }[];
    };
    expect(detail.events).toContainEqual(
      expect.objectContaining({
        actorName: null,
        summary:
          "Every oversight officer of this category is named in the complaint, so it was granted to the category's supervisors who are not named.",
      }),
    );
  });

  it('is refused, as a closed category is, when it names the supervisors too, and stores nothing', async () => {
    const before = (await t.deps.db.selectFrom('reports').select('id').execute()).length;
    const refused = await post(t, 'complaint-official', complaint('Officer Zoë Brandt and Test supervisor.'));
    expect([refused.statusCode, errorId(refused), errorMessage(refused)]).toEqual([503, 'not_accepting', CLOSED]);
    expect((await t.deps.db.selectFrom('reports').select('id').execute()).length).toBe(before);
  });
});

describe.each(DIALECTS)('custodians per category on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(async () => t?.close());

  it('seals the identity only to custodians of the category, and closes a category without one', async () => {
    await setUserCategories(t.deps, null, t.users.custodian.id, ['leak']);
    const refused = await post(t, 'espionage', ESPIONAGE);
    expect([refused.statusCode, errorId(refused), errorMessage(refused)]).toEqual([503, 'not_accepting', CLOSED]);
    expect((await t.app.inject({ method: 'GET', url: '/report/espionage' })).statusCode).toBe(503);
    const ccyber = await staff(t, 'cesp', 'custodian', 'Espionage Custodian');
    await setUserCategories(t.deps, null, ccyber, ['espionage']);
    const c = await submitCase(t);
    const identity = await t.deps.db
      .selectFrom('grants')
      .select('user_id')
      .where('report_id', '=', c.id)
      .where('scope', '=', 'identity')
      .execute();
    expect(identity).toEqual([{ user_id: ccyber }]);
  });
});
