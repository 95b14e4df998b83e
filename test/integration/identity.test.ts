/**
 * The reporter's identity: with every custodian signed out no code path produces it, and an administrator never
 * can; once a custodian approves, the requester reads exactly what the reporter gave and the reporter is told; a
 * refusal discloses nothing; a reporter can add their identity later, which only custodians (and those it is
 * disclosed to) can read.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANNOT_ADD } from '../../src/domain/reporter/identity.ts';
import { localeFor } from '../../src/server/public/locale.ts';
import type { CaseIdentity, RequestView } from '../../src/shared/requests.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actor, errorId, type Actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';
import { shownAfter } from '../helpers/forms.ts';

const STAFF_ROLES = ['handler', 'supervisor', 'administrator', 'operator', 'oversight'] as const;
const NOTICE = 'We need to call you as a witness. We will contact you at the number you gave.';

/** The forms in which the marker could leave the server. */
const needles = (marker: string) => [
  marker,
  Buffer.from(marker).toString('base64').slice(0, 16),
  Buffer.from(marker).toString('hex'),
];

const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

describe.each(DIALECTS)('identity on %s', (dialect) => {
  let t: TestApp;
  const marker = `IDN${randomBytes(8).toString('hex')}`;

  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(async () => t?.close());

  /** Submits a report (with identity answers if given) and grants it to the handler. @returns its id and receipt */
  async function newCase(identity?: Record<string, string>) {
    const before = new Set((await t.deps.db.selectFrom('reports').select('id').execute()).map((r) => r.id));
    const body = await multipart(
      reportParts({
        category: 'espionage',
        answers: { what_happened: 'A van photographs the gate.', danger: 'no' },
        ...(identity ? { identity } : {}),
        files: [{ filename: 'note.txt', data: Buffer.from('the van is grey\n'), type: 'text/plain' }],
      }),
    );
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body });
    expect(res.statusCode).toBe(201);
    const id = (await t.deps.db.selectFrom('reports').select('id').execute()).find((r) => !before.has(r.id))!.id;
    const sup = await actor(t, 'supervisor');
    expect((await sup.send('POST', `/api/v1/cases/${id}/grants`, { userId: t.users.handler.id })).statusCode).toBe(201);
    return { id, receipt: (res.json() as { receipt: string }).receipt };
  }

  const askDisclosure = (who: Actor, caseId: string) =>
    who.send('POST', '/api/v1/requests', {
      caseId,
      kind: 'identity_disclosure',
      reason: 'The reporter is the only witness of the meeting.',
      legalBasis: 'CEL 2023 Art. 16',
      reporterNotice: NOTICE,
    });

  /** The reporter signed in on the follow-up site. @returns the cookie and the page's CSRF token */
  async function reporterPage(receipt: string) {
    const login = await t.app.inject({ method: 'POST', url: '/follow-up', payload: { receipt } });
    expect(login.statusCode).toBe(303);
    const cookie = cookieOf(login);
    const page = await t.app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    return { cookie, csrf, body: page.body };
  }
  const getPage = async (cookie: string) =>
    (await t.app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie } })).body;

  /** The reporter's JSON API session. */
  async function reporterApi(receipt: string) {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/session', payload: { receipt } });
    expect(login.statusCode).toBe(200);
    return { cookie: cookieOf(login), 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
  }

  it('produces the identity on no route while every custodian is signed out, and never to an administrator', async () => {
    const { id: caseId, receipt } = await newCase({ name: `Ana ${marker}`, contact: `${marker}@example.org` });
    // Identity added later carries the marker too.
    const reporter = await reporterApi(receipt);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporter/identity',
      headers: reporter,
      payload: { identity: { relationship: `colleague ${marker}` } },
    });
    expect(added.statusCode).toBe(201);

    // A custodian signed in once, and signed out.
    const custodian = await t.signIn('custodian');
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: custodian.cookie, 'x-csrf-token': custodian.csrf },
    });
    expect(out.statusCode).toBe(204);
    const handler = await actor(t, 'handler');
    const asked = await askDisclosure(handler, caseId);
    expect(asked.statusCode).toBe(201);
    const requestId = (asked.json() as { id: string }).id;
    const custodianSessions = await t.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', t.users.custodian.id)
      .execute();
    expect(custodianSessions).toEqual([]);

    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const fileId = (await t.deps.db.selectFrom('files').select('id').where('report_id', '=', caseId).execute())[0]!.id;
    const gets = Object.entries(doc.paths)
      .filter(([, methods]) => 'get' in methods)
      .map(([path]) =>
        path.replace(/\{(\w+)\}/g, (_, name: string) =>
          name === 'fileId'
            ? fileId
            : name === 'userId'
              ? t.users.handler.id
              : name === 'id' && path.startsWith('/api/v1/requests')
                ? requestId
                : caseId,
        ),
      );
    expect(gets).toContain(`/api/v1/cases/${caseId}/identity`);
    expect(gets).toContain(`/api/v1/cases/${caseId}`);
    let answered = 0;
    for (const role of STAFF_ROLES) {
      const who = await actor(t, role);
      for (const url of gets)
        for (const query of ['', `?q=${marker}&box=mine`, '?box=to_decide']) {
          const res = await who.get(url + query);
          if (res.statusCode === 200) answered++;
          for (const needle of needles(marker))
            expect([role, url, res.body.includes(needle)]).toEqual([role, url, false]);
        }
    }
    // The routes really answered: the handler and supervisor read the case, its files, requests and identity state.
    expect(answered).toBeGreaterThan(20);
    const state = await handler.get(`/api/v1/cases/${caseId}/identity`);
    expect(state.json()).toEqual({
      disclosed: false,
      disclosedAt: null,
      reporterAddedAt: (added.json() as { addedAt: string }).addedAt,
      answers: null,
      statements: null,
    });

    // Deciding needs a custodian's session: without a cookie, with the signed-out cookie, or as anyone else, no.
    const decide = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/requests/${requestId}/decision`,
        headers,
        payload: { decision: 'approve' },
      });
    expect((await decide({})).statusCode).toBe(401);
    expect((await decide({ cookie: custodian.cookie, 'x-csrf-token': custodian.csrf })).statusCode).toBe(401);
    for (const role of STAFF_ROLES) {
      const s = await t.signIn(role);
      const res = await decide({ cookie: s.cookie, 'x-csrf-token': s.csrf });
      expect([role, res.statusCode]).toEqual([role, 404]);
    }
    const request = await t.deps.db
      .selectFrom('requests')
      .select('status')
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(request.status).toBe('pending');
    const identityGrants = await t.deps.db
      .selectFrom('grants')
      .select('user_id')
      .where('report_id', '=', caseId)
      .where('scope', '=', 'identity')
      .execute();
    expect(identityGrants.map((g) => g.user_id)).toEqual([t.users.custodian.id]);

    // An administrator holds no grant and cannot ask.
    const admin = await actor(t, 'administrator');
    expect((await askDisclosure(admin, caseId)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/cases/${caseId}/identity`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/cases/${caseId}/requests`)).statusCode).toBe(404);
  });

  it('discloses the exact identity to the requester once a custodian approves, and tells the reporter', async () => {
    const { id: caseId, receipt } = await newCase({ name: 'Ana Example', contact: '+49 30 1234567' });
    const reporter = await reporterApi(receipt);
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporter/identity',
      headers: reporter,
      payload: { identity: { relationship: 'Former contractor' } },
    });
    const addedAt = (added.json() as { addedAt: string }).addedAt;
    const handler = await actor(t, 'handler');
    const { id: requestId } = (await askDisclosure(handler, caseId)).json() as { id: string };

    const custodian = await actor(t, 'custodian');
    const toDecide = ((await custodian.get('/api/v1/requests?box=to_decide')).json() as { items: RequestView[] }).items;
    expect(toDecide.find((r) => r.id === requestId)).toMatchObject({
      kind: 'identity_disclosure',
      caseId,
      requesterName: 'Test handler',
      reason: 'The reporter is the only witness of the meeting.',
      legalBasis: 'CEL 2023 Art. 16',
      status: 'pending',
      canDecide: true,
    });
    // The custodian decides without reading the case.
    expect((await custodian.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    const approved = await custodian.send('POST', `/api/v1/requests/${requestId}/decision`, {
      decision: 'approve',
      note: 'Proportionate.',
    });
    expect([approved.statusCode, approved.json()]).toEqual([200, { status: 'used' }]);

    const identity = (await handler.get(`/api/v1/cases/${caseId}/identity`)).json() as CaseIdentity;
    const answer = (fieldId: string, label: string, value: string | null) => ({
      fieldId,
      label,
      type: 'short_text',
      value,
      optionLabels: null,
    });
    expect(identity).toEqual({
      disclosed: true,
      disclosedAt: expect.any(String),
      reporterAddedAt: addedAt,
      answers: [
        answer('name', 'Your name', 'Ana Example'),
        answer('contact', 'How to contact you safely', '+49 30 1234567'),
        answer('relationship', 'Your relationship to the matter', null),
      ],
      statements: [
        {
          addedAt,
          answers: [
            answer('name', 'Your name', null),
            answer('contact', 'How to contact you safely', null),
            answer('relationship', 'Your relationship to the matter', 'Former contractor'),
          ],
        },
      ],
    });
    const audit = await t.deps.db
      .selectFrom('audit')
      .select(['action', 'actor'])
      .where('subject', '=', `report:${caseId}`)
      .where('action', 'like', 'identity.%')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'identity.add', actor: 'reporter' },
      { action: 'identity.disclose', actor: t.users.custodian.id },
      { action: 'identity.read', actor: t.users.handler.id },
    ]);
    // Disclosed to the requester only: the supervisor holding the case still sees nothing.
    expect(
      ((await (await actor(t, 'supervisor')).get(`/api/v1/cases/${caseId}/identity`)).json() as CaseIdentity).disclosed,
    ).toBe(false);
    const again = await askDisclosure(handler, caseId);
    expect([again.statusCode, errorId(again)]).toEqual([409, 'already_disclosed']);

    // The reporter is told, on the page and through the API, with the requester's notice.
    const decidedAt = (
      await t.deps.db.selectFrom('requests').select('decided_at').where('id', '=', requestId).executeTakeFirstOrThrow()
    ).decided_at!;
    const told = `Your identity was disclosed to a staff member handling your report on ${localeFor(t.deps.profile(), 'en').date(decidedAt)}.`;
    const page = await reporterPage(receipt);
    expect(page.body).toContain(told);
    expect(page.body).toContain(NOTICE);
    expect(page.body).toContain(
      '<p>Staff handling your report see who you are only as far as a disclosure shown above allows. If you want to',
    );
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/reporter/identity', headers: reporter });
    expect((api.json() as { disclosures: unknown }).disclosures).toEqual([
      { at: decidedAt, text: told, notice: NOTICE },
    ]);

    // Revoking the handler's access takes the identity with it.
    const sup = await actor(t, 'supervisor');
    expect((await sup.send('DELETE', `/api/v1/cases/${caseId}/grants/${t.users.handler.id}`)).statusCode).toBe(200);
    const left = await t.deps.db
      .selectFrom('grants')
      .select('user_id')
      .where('report_id', '=', caseId)
      .where('scope', '=', 'identity')
      .execute();
    expect(left.map((g) => g.user_id)).toEqual([t.users.custodian.id]);
  });

  it('records a refusal and discloses nothing', async () => {
    const { id: caseId, receipt } = await newCase({ name: 'Ben Example' });
    const handler = await actor(t, 'handler');
    const { id: requestId } = (await askDisclosure(handler, caseId)).json() as { id: string };
    const custodian = await actor(t, 'custodian');
    const refused = await custodian.send('POST', `/api/v1/requests/${requestId}/decision`, {
      decision: 'refuse',
      note: 'Not necessary: the reporter can be asked through the channel.',
    });
    expect([refused.statusCode, refused.json()]).toEqual([200, { status: 'refused' }]);
    const onCase = ((await handler.get(`/api/v1/cases/${caseId}/requests`)).json() as { items: RequestView[] }).items;
    expect(onCase).toEqual([
      expect.objectContaining({
        id: requestId,
        status: 'refused',
        deciderName: 'Test custodian',
        decisionNote: 'Not necessary: the reporter can be asked through the channel.',
      }),
    ]);
    expect(((await handler.get(`/api/v1/cases/${caseId}/identity`)).json() as CaseIdentity).disclosed).toBe(false);
    const audit = await t.deps.db
      .selectFrom('audit')
      .select('action')
      .where('reason', 'like', `request:${requestId}%`)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['request.create', 'request.refuse']);
    expect((await reporterPage(receipt)).body).not.toContain('Your identity was disclosed');
  });

  it('lets the reporter add their identity later from the follow-up page, with JavaScript off', async () => {
    const { id: caseId, receipt } = await newCase();
    const { cookie, csrf, body } = await reporterPage(receipt);
    expect(body).toContain('<form method="post" action="/follow-up/identity" autocomplete="off" novalidate>');
    expect(body).toContain(
      '<p>Staff handling your report do not see who you are: any name or contact details you gave are kept apart, for identity custodians only. If you want to',
    );
    const post = (form: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/follow-up/identity',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(form).toString(),
      });

    expect((await shownAfter(t, await post({ 'identity.name': 'Cem' }), cookie)).statusCode).toBe(403);
    const empty = await shownAfter(t, await post({ _csrf: csrf }), cookie);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Please fill in at least one of the questions about you.');
    const long = await shownAfter(
      t,
      await post({ _csrf: csrf, 'identity.name': 'x'.repeat(501), 'identity.contact': 'Call after 6 pm' }),
      cookie,
    );
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('Your name: At most 500 characters (you entered 501).');
    expect(long.body).toContain('value="Call after 6 pm"');

    const ok = await post({ _csrf: csrf, 'identity.name': `Cem ${marker}` });
    expect([ok.statusCode, ok.headers.location]).toEqual([303, '/follow-up/report#identity']);
    const row = await t.deps.db
      .selectFrom('reports')
      .select('identity_added_at')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const page = await getPage(cookie);
    expect(page).toContain(
      `You added your identity on ${localeFor(t.deps.profile(), 'en').date(row.identity_added_at!)}. Only identity custodians can read it; it is disclosed to others only with approval.`,
    );
    // The reporter cannot read it back.
    expect(page).not.toContain(marker);
    const statements = await t.deps.db
      .selectFrom('identity_statements')
      .select(['created_at'])
      .where('report_id', '=', caseId)
      .execute();
    expect(statements).toEqual([{ created_at: row.identity_added_at }]);
    const audit = await t.deps.db
      .selectFrom('audit')
      .select(['action', 'actor'])
      .where('subject', '=', `report:${caseId}`)
      .where('action', '=', 'identity.add')
      .execute();
    expect(audit).toEqual([{ action: 'identity.add', actor: 'reporter' }]);

    // Holders of the case are told that the reporter came forward, not what they wrote.
    const handler = await actor(t, 'handler');
    expect((await handler.get(`/api/v1/cases/${caseId}/identity`)).json()).toEqual({
      disclosed: false,
      disclosedAt: null,
      reporterAddedAt: row.identity_added_at,
      answers: null,
      statements: null,
    });

    // The same through the reporter's JSON API.
    const reporter = await reporterApi(receipt);
    const viaApi = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporter/identity',
      headers: reporter,
      payload: { identity: { contact: 'Signal: +49 30 7654321' } },
    });
    expect(viaApi.statusCode).toBe(201);
    const view = (
      await t.app.inject({ method: 'GET', url: '/api/v1/reporter/identity', headers: reporter })
    ).json() as Record<string, unknown>;
    const addedAt = (viaApi.json() as { addedAt: string }).addedAt;
    expect(view).toMatchObject({
      canAdd: true,
      addedAt,
      addedText: `You added your identity on ${localeFor(t.deps.profile(), 'en').date(addedAt)}. Only identity custodians can read it; it is disclosed to others only with approval.`,
      disclosures: [],
    });
    expect((view.fields as { id: string }[]).map((f) => f.id)).toEqual(['name', 'contact', 'relationship']);
  });

  it('says clearly that a report made before this change cannot take identity later', async () => {
    const { id: caseId, receipt } = await newCase();
    await t.deps.db
      .updateTable('reports')
      .set({ identity_public_key: null, sealed_identity_secret: null })
      .where('id', '=', caseId)
      .execute();
    const { cookie, csrf, body } = await reporterPage(receipt);
    expect(body).toContain(CANNOT_ADD);
    expect(body).not.toContain('action="/follow-up/identity"');
    const refused = await shownAfter(
      t,
      await t.app.inject({
        method: 'POST',
        url: '/follow-up/identity',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf, 'identity.name': 'Dana' }).toString(),
      }),
      cookie,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(CANNOT_ADD);
    const reporter = await reporterApi(receipt);
    const viaApi = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporter/identity',
      headers: reporter,
      payload: { identity: { name: 'Dana' } },
    });
    expect([viaApi.statusCode, errorId(viaApi)]).toEqual([409, 'identity_not_possible']);
    expect(
      (
        (await t.app.inject({ method: 'GET', url: '/api/v1/reporter/identity', headers: reporter })).json() as {
          canAdd: boolean;
        }
      ).canAdd,
    ).toBe(false);
  });
});
