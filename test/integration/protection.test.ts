/**
 * Protection requests on every database (MSS Order No. 2 Art. 6(2)): the reporter asks (API and the follow-up
 * page without JavaScript), the case turns urgent with the response due within the category's
 * protectionResponseHours and goes first in triage, the category's supervisors and the case's holders are told at
 * once, an unanswered request is reminded of and escalated, and staff record the response the reporter then reads.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUserCategories } from '../../src/domain/accounts/category-staff.ts';
import { checkDeadlines } from '../../src/jobs/deadlines.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actor, errorId } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';
import { addStaff, pendingNotices } from '../helpers/staff-work.ts';
import { shownAfter } from '../helpers/forms.ts';

const HOUR = 3_600_000;
const T0 = Date.parse('2030-01-07T09:00:00.000Z');
const at = (hours: number) => new Date(T0 + hours * HOUR).toISOString();
const ACCOUNT = 'A car has followed me home from work three nights running.';

describe.each(DIALECTS)('protection requests on %s', (dialect) => {
  let t: TestApp;
  let clock = T0;
  const setClock = (hours: number) => (clock = T0 + hours * HOUR);

  beforeEach(async () => {
    clock = T0;
    t = await buildTestApp({ dialect, now: () => new Date(clock) });
    // A supervisor of espionage only, and one of leaks only: only the first is one of the category's supervisors.
    await addStaff(t.deps, 'sup-esp', 'supervisor');
    await setUserCategories(t.deps, null, 'sup-esp', ['espionage']);
    await addStaff(t.deps, 'sup-leak', 'supervisor');
    await setUserCategories(t.deps, null, 'sup-leak', ['leak']);
  });
  afterEach(async () => t?.close());

  async function submit(answers: Record<string, unknown>): Promise<{ receipt: string; id: string }> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      ...(await multipart(reportParts({ category: 'espionage', answers }))),
    });
    expect(res.statusCode).toBe(201);
    const row = await t.deps.db
      .selectFrom('reports')
      .select('id')
      .orderBy('received_at', 'desc')
      .executeTakeFirstOrThrow();
    return { receipt: (res.json() as { receipt: string }).receipt, id: row.id };
  }

  /** The reporter, signed in through the API (a new session: the clock may have moved past the last one). */
  async function reporter(receipt: string) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/session', payload: { receipt } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = (res.json() as { csrfToken: string }).csrfToken;
    return {
      get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
      post: (url: string, payload: Record<string, unknown>) =>
        t.app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf }, payload }),
      form: (url: string, fields: Record<string, string>) =>
        t.app.inject({
          method: 'POST',
          url,
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(fields).toString(),
        }),
      csrf,
      cookie,
    };
  }

  const caseRow = (id: string) =>
    t.deps.db
      .selectFrom('reports')
      .select(['urgent', 'protection_requested_at', 'due_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('makes the case urgent, due within the protection hours, first in triage, and tells the right people', async () => {
    const danger = await submit({ what_happened: 'Threats at the gate.', danger: 'yes' }); // urgent, due T0 + 24 h
    setClock(1);
    const calm = await submit({ what_happened: 'Photos of the gate.', danger: 'no' }); // due T0 + 1 h + 7 days
    const sup = await actor(t, 'supervisor');
    expect((await sup.send('POST', `/api/v1/cases/${calm.id}/grants`, { userId: t.users.handler.id })).statusCode).toBe(
      201,
    );
    await t.deps.db.deleteFrom('notifications').execute();

    setClock(2);
    const me = await reporter(calm.receipt);
    const asked = await me.post('/api/v1/reporter/protection', { account: ACCOUNT });
    expect(asked.statusCode).toBe(201);
    const { id } = asked.json() as { id: string };
    // National security: protectionResponseHours 12.
    expect(asked.json()).toEqual({ id, requestedAt: at(2), dueAt: at(14) });
    expect(await caseRow(calm.id)).toEqual({ urgent: 1, protection_requested_at: at(2), due_at: at(14) });
    // The category's supervisors and the case's holders; not the supervisor of another category.
    expect(await pendingNotices(t.deps)).toEqual(['handler:protection', 'sup-esp:protection', 'supervisor:protection']);

    const queue = (await (await actor(t, 'supervisor')).get('/api/v1/cases')).json() as {
      items: { id: string; urgent: boolean; dueAt: string; protectionRequestedAt: string | null }[];
    };
    expect(queue.items.map((i) => [i.id, i.urgent, i.dueAt, i.protectionRequestedAt])).toEqual([
      [calm.id, true, at(14), at(2)],
      [danger.id, true, at(24), null],
    ]);

    expect((await me.get('/api/v1/reporter/protection')).json()).toEqual({
      responseHours: 12,
      requests: [{ id, requestedAt: at(2), dueAt: at(14), respondedAt: null, outcome: null, outcomeText: null }],
    });
    // A second request while the first is unanswered is taken in, but alerts no one again.
    expect((await me.post('/api/v1/reporter/protection', { account: 'Again.' })).statusCode).toBe(201);
    expect(await pendingNotices(t.deps)).toEqual(['handler:protection', 'sup-esp:protection', 'supervisor:protection']);
  });

  it('stores a repeat of the same unanswered request within 2 minutes once (a double click), and keeps its time', async () => {
    const c = await submit({ what_happened: 'Photos of the gate.', danger: 'no' });
    setClock(2);
    const me = await reporter(c.receipt);
    const twice = await Promise.all([
      me.post('/api/v1/reporter/protection', { account: ACCOUNT }),
      me.post('/api/v1/reporter/protection', { account: ACCOUNT }),
    ]);
    expect(twice.map((r) => r.statusCode)).toEqual([201, 201]);
    const first = twice[0]!.json() as { id: string };
    expect(twice.map((r) => r.json() as unknown)).toEqual([
      { id: first.id, requestedAt: at(2), dueAt: at(14) },
      { id: first.id, requestedAt: at(2), dueAt: at(14) },
    ]);
    const rows = () =>
      t.deps.db
        .selectFrom('protection_requests')
        .select(['id', 'requested_at'])
        .where('report_id', '=', c.id)
        .orderBy('requested_at')
        .execute();
    expect(await rows()).toEqual([{ id: first.id, requested_at: at(2) }]);

    // A minute later, the same words: still the same request; the case keeps the first time.
    setClock(2 + 1 / 60);
    const again = await me.post('/api/v1/reporter/protection', { account: `  ${ACCOUNT}\n` });
    expect(again.json()).toEqual({ id: first.id, requestedAt: at(2), dueAt: at(14) });
    expect(await caseRow(c.id)).toEqual({ urgent: 1, protection_requested_at: at(2), due_at: at(14) });
    expect(await rows()).toEqual([{ id: first.id, requested_at: at(2) }]);
    const audited = await t.deps.db
      .selectFrom('audit')
      .select('reason')
      .where('action', '=', 'reporter.protection_request')
      .execute();
    expect(audited).toEqual([{ reason: `protection:${first.id}` }]);

    // Other words, or the same words more than 2 minutes later, are a new request.
    const other = (await me.post('/api/v1/reporter/protection', { account: 'Now they call at night.' })).json() as {
      id: string;
    };
    setClock(2 + 3 / 60);
    const later = (await me.post('/api/v1/reporter/protection', { account: ACCOUNT })).json() as { id: string };
    expect(new Set([first.id, other.id, later.id]).size).toBe(3);
    expect((await rows()).map((r) => r.id)).toEqual([first.id, other.id, later.id]);
  });

  it('keeps the protection deadline through status changes, escalates it unanswered, and records the response', async () => {
    const c = await submit({ what_happened: 'Photos of the gate.', danger: 'no' });
    await (await actor(t, 'supervisor')).send('POST', `/api/v1/cases/${c.id}/grants`, { userId: t.users.handler.id });
    setClock(2);
    const { id } = (
      await (await reporter(c.receipt)).post('/api/v1/reporter/protection', { account: ACCOUNT })
    ).json() as {
      id: string;
    };
    await t.deps.db.deleteFrom('notifications').execute();

    setClock(3);
    const sup = await actor(t, 'supervisor');
    expect((await sup.send('POST', `/api/v1/cases/${c.id}/status`, { status: 'acknowledged' })).statusCode).toBe(200);
    // Espionage has no feedback deadline: after acknowledgement only the protection response is due.
    expect(((await sup.get(`/api/v1/cases/${c.id}`)).json() as { dueAt: string | null }).dueAt).toBe(at(14));

    // A quarter of the 12 hours before it is due, the handler is reminded; once past it, the supervisors.
    setClock(11 - 1 / 60);
    expect(await checkDeadlines(t.deps)).toEqual({ reminders: 0, escalations: 0, notices: 0, unreached: 0 });
    setClock(11 + 1 / 60);
    expect(await checkDeadlines(t.deps)).toEqual({ reminders: 1, escalations: 0, notices: 1, unreached: 0 });
    setClock(14 + 1 / 60);
    expect(await checkDeadlines(t.deps)).toEqual({ reminders: 0, escalations: 1, notices: 2, unreached: 0 });
    expect(await pendingNotices(t.deps)).toEqual(['handler:reminder', 'sup-esp:escalation', 'supervisor:escalation']);

    const handler = await actor(t, 'handler');
    const pending = {
      id,
      requestedAt: at(2),
      dueAt: at(14),
      overdue: true,
      account: ACCOUNT,
      respondedAt: null,
      respondedBy: null,
      outcome: null,
      note: null,
    };
    expect((await handler.get(`/api/v1/cases/${c.id}/protection`)).json()).toEqual({
      responseHours: 12,
      requests: [pending],
    });

    setClock(14.5);
    const answered = await handler.send('POST', `/api/v1/cases/${c.id}/protection/${id}/response`, {
      outcome: 'protection_arranged',
      note: 'Patrol car posted outside the house.',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toEqual({
      responseHours: 12,
      requests: [
        {
          ...pending,
          overdue: false,
          respondedAt: at(14.5),
          respondedBy: 'Test handler',
          outcome: 'protection_arranged',
          note: 'Patrol car posted outside the house.',
        },
      ],
    });
    // The deadline goes back to the ordinary one (none, here); the case stays urgent until someone says otherwise.
    expect(await caseRow(c.id)).toEqual({
      urgent: 1,
      protection_requested_at: at(2),
      due_at: '9999-12-31T23:59:59.999Z',
    });
    const detail = (await handler.get(`/api/v1/cases/${c.id}`)).json() as {
      dueAt: string | null;
      events: { kind: string; summary: string; reason: string | null }[];
    };
    expect(detail.dueAt).toBeNull();
    expect(detail.events.at(-1)).toEqual(
      expect.objectContaining({
        kind: 'protection',
        summary: 'Protection request of 2030-01-07 11:00 UTC answered: Protection arranged',
        reason: 'Patrol car posted outside the house.',
      }),
    );
    const audit = await t.deps.db
      .selectFrom('audit')
      .select(['actor', 'action', 'reason'])
      .where('action', 'in', ['reporter.protection_request', 'protection.respond'])
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { actor: 'reporter', action: 'reporter.protection_request', reason: `protection:${id}` },
      { actor: t.users.handler.id, action: 'protection.respond', reason: `protection:${id} protection_arranged` },
    ]);

    const again = await handler.send('POST', `/api/v1/cases/${c.id}/protection/${id}/response`, {
      outcome: 'not_needed',
    });
    expect([again.statusCode, errorId(again)]).toEqual([409, 'already_answered']);
    const elsewhere = await handler.send(
      'POST',
      `/api/v1/cases/${c.id}/protection/00000000-0000-4000-8000-000000000009/response`,
      { outcome: 'not_needed' },
    );
    expect(elsewhere.statusCode).toBe(404);
    // Someone who does not hold the case cannot see that it exists.
    expect((await (await actor(t, 'sup-leak')).get(`/api/v1/cases/${c.id}/protection`)).statusCode).toBe(404);

    const me = await reporter(c.receipt);
    expect(((await me.get('/api/v1/reporter/protection')).json() as { requests: unknown[] }).requests).toEqual([
      {
        id,
        requestedAt: at(2),
        dueAt: at(14),
        respondedAt: at(14.5),
        outcome: 'protection_arranged',
        outcomeText:
          'Measures to protect you have been arranged. Staff will tell you what they are here, or contact you as agreed.',
      },
    ]);
    const page = await me.get('/follow-up/report');
    expect(page.body).toContain(
      '<p><strong>You asked for protection on <time datetime="2030-01-07T11:00:00.000Z">January 7, 2030 at 19:00 GMT+8</time>.</strong></p>',
    );
    expect(page.body).toContain(
      '<p>Staff responded on <time datetime="2030-01-07T23:30:00.000Z">January 8, 2030 at 07:30 GMT+8</time>: Measures to protect you have been arranged.',
    );
    expect(page.body).not.toContain('Patrol car');
  });

  it('escalates an unanswered request on a closed case too: danger can come after the case ends', async () => {
    const c = await submit({ what_happened: 'Photos of the gate.', danger: 'no' });
    const sup = await actor(t, 'supervisor');
    const close = await sup.send('POST', `/api/v1/cases/${c.id}/status`, { status: 'closed', outcome: 'duplicate' });
    expect(close.statusCode).toBe(200);
    expect((await caseRow(c.id)).due_at).toBe('9999-12-31T23:59:59.999Z');
    setClock(1);
    expect((await (await reporter(c.receipt)).post('/api/v1/reporter/protection', {})).statusCode).toBe(201);
    expect(await caseRow(c.id)).toEqual({ urgent: 1, protection_requested_at: at(1), due_at: at(13) });
    await t.deps.db.deleteFrom('notifications').execute();
    setClock(13 + 1 / 60);
    expect(await checkDeadlines(t.deps)).toEqual({ reminders: 0, escalations: 1, notices: 2, unreached: 0 });
    expect(await pendingNotices(t.deps)).toEqual(['sup-esp:escalation', 'supervisor:escalation']);
  });

  it('takes a request from the follow-up page without JavaScript, and keeps what was typed when refusing it', async () => {
    const c = await submit({ what_happened: 'Photos of the gate.', danger: 'no' });
    setClock(2);
    const me = await reporter(c.receipt);
    const before = await me.get('/follow-up/report');
    expect(before.body).toContain('<h2 id="protection">I or my relatives are in danger</h2>');
    expect(before.body).toContain('Your request is treated as urgent: staff must respond within 12 hours.');
    expect(before.body).toContain(`<input type="hidden" name="_csrf" value="${me.csrf}">`);
    expect(before.body).not.toContain('You asked for protection');

    const tooLong = 'x'.repeat(20_001);
    const posted = await me.form('/follow-up/protection', { _csrf: me.csrf, account: tooLong });
    expect(posted.headers.location).toMatch(/^\/follow-up\/report\?draft=[A-Za-z0-9_-]{43}#protection$/);
    const refused = await shownAfter(t, posted, me.cookie);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      'Please shorten what you wrote to at most 20000 characters. Your request has not been sent yet.',
    );
    expect(refused.body).toContain(`>${tooLong}</textarea>`);
    // The page shown with the refusal keeps every other section of the report page.
    expect(refused.body).toContain('<h2 id="identity">Your identity</h2>');
    expect(await t.deps.db.selectFrom('protection_requests').select('id').execute()).toEqual([]);

    const forged = await shownAfter(t, await me.form('/follow-up/protection', { account: ACCOUNT }), me.cookie);
    expect(forged.statusCode).toBe(403);
    expect(await t.deps.db.selectFrom('protection_requests').select('id').execute()).toEqual([]);

    const sent = await me.form('/follow-up/protection', { _csrf: me.csrf, account: ACCOUNT });
    expect([sent.statusCode, sent.headers.location]).toEqual([303, '/follow-up/report?protection=1#protection']);
    const after = await me.get('/follow-up/report?protection=1');
    expect(after.body).toContain(
      'Your request for protection has been sent. It is treated as urgent: staff must respond by January 8, 2030 at 07:00 GMT+8.',
    );
    expect(after.body).toContain(
      '<p>Staff must respond by <time datetime="2030-01-07T23:00:00.000Z">January 8, 2030 at 07:00 GMT+8</time>.</p>',
    );
    const handler = await actor(t, 'supervisor');
    const list = (await handler.get(`/api/v1/cases/${c.id}/protection`)).json() as {
      requests: { account: string | null }[];
    };
    expect(list.requests.map((r) => r.account)).toEqual([ACCOUNT]);
  });
});
