/**
 * Approvals (the two-person rule) through the API: asking, deciding, the boxes, expiry, refusal, and an approval
 * used once. A second supervisor holds every case so that a supervisor's own request has someone to decide it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/domain/viewer.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { useApproval } from '../../src/domain/approvals/use.ts';
import { setUserCategories } from '../../src/domain/accounts/category-staff.ts';
import { addUser } from '../../src/domain/accounts/users.ts';
import type { RequestView } from '../../src/shared/requests.ts';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { actor, errorId, submitCase, type Actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';

const DAY = 86_400_000;
const START = Date.parse('2026-03-02T09:00:00.000Z');

describe.each(DIALECTS)('approval requests on %s', (dialect) => {
  let t: TestApp;
  let clock = START;
  let caseId: string;
  let reference: string;
  let handler: Actor;
  let sup: Actor;
  let sup2: Actor;
  let sup2Id: string;

  const ask = (who: Actor, body: Record<string, unknown>) =>
    who.send('POST', '/api/v1/requests', {
      caseId,
      reason: 'The account is contradicted by two witnesses.',
      legalBasis: 'CEL 2023 Art. 66',
      ...body,
    });
  const box = async (who: Actor, name: 'to_decide' | 'mine') => {
    const res = await who.get(`/api/v1/requests?box=${name}`);
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: RequestView[] }).items;
  };
  const auditActions = async (requestId: string) =>
    (
      await t.deps.db
        .selectFrom('audit')
        .select(['action', 'actor', 'subject', 'reason'])
        .where('reason', 'like', `request:${requestId}%`)
        .orderBy('seq')
        .execute()
    ).map((a) => `${a.action} ${a.actor}`);

  beforeAll(async () => {
    t = await buildTestApp({ dialect, now: () => new Date(clock) });
    sup2Id = (
      await addUser(t.deps, { username: 'supervisor2', role: 'supervisor', password: PASSWORD, displayName: 'Sam Two' })
    ).user.id;
    ({ id: caseId, reference } = await submitCase(t));
    sup = await actor(t, 'supervisor');
    expect((await sup.send('POST', `/api/v1/cases/${caseId}/grants`, { userId: t.users.handler.id })).statusCode).toBe(
      201,
    );
  });
  // Fresh sessions at the start time for each test (a test that moves the clock on ends the sessions it had).
  beforeEach(async () => {
    clock = START;
    sup = await actor(t, 'supervisor');
    sup2 = await actor(t, 'supervisor2');
    handler = await actor(t, 'handler');
  });
  afterAll(async () => t?.close());

  it('lets a handler ask and a supervisor approve, showing both sides the reason and legal basis', async () => {
    const res = await ask(handler, { kind: 'knowingly_false' });
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: string };

    const expected = {
      id,
      kind: 'knowingly_false',
      caseId,
      caseReference: reference,
      requesterName: 'Test handler',
      status: 'pending',
      createdAt: new Date(START).toISOString(),
      expiresAt: new Date(START + 7 * DAY).toISOString(),
      decidedAt: null,
      deciderName: null,
      subject: null,
      reason: 'The account is contradicted by two witnesses.',
      legalBasis: 'CEL 2023 Art. 66',
      decisionNote: null,
    };
    expect((await box(handler, 'mine')).find((r) => r.id === id)).toEqual({
      ...expected,
      mine: true,
      canDecide: false,
    });
    expect((await box(sup, 'to_decide')).find((r) => r.id === id)).toEqual({
      ...expected,
      mine: false,
      canDecide: true,
    });
    expect(await box(handler, 'to_decide')).toEqual([]);

    // A handler cannot decide (404: deciding is not theirs), a supervisor can.
    const byHandler = await handler.send('POST', `/api/v1/requests/${id}/decision`, { decision: 'approve' });
    expect([byHandler.statusCode, errorId(byHandler)]).toEqual([404, 'not_found']);
    clock = START + 3_600_000;
    // An hour without activity has ended the sessions: sign in again.
    sup = await actor(t, 'supervisor');
    handler = await actor(t, 'handler');
    const approved = await sup.send('POST', `/api/v1/requests/${id}/decision`, {
      decision: 'approve',
      note: 'Agreed.',
    });
    expect([approved.statusCode, approved.json()]).toEqual([200, { status: 'approved' }]);
    const mine = (await box(handler, 'mine')).find((r) => r.id === id)!;
    expect(mine).toMatchObject({
      status: 'approved',
      decidedAt: new Date(START + 3_600_000).toISOString(),
      deciderName: 'Test supervisor',
      decisionNote: 'Agreed.',
      // An approval may be used for 7 days from the decision.
      expiresAt: new Date(START + 3_600_000 + 7 * DAY).toISOString(),
    });
    expect(await auditActions(id)).toEqual([
      `request.create ${t.users.handler.id}`,
      `request.approve ${t.users.supervisor.id}`,
    ]);
    // Each listing that opened the request's reason is on record as an access to the case; the empty one is not.
    const reads = await t.deps.db
      .selectFrom('audit')
      .select('actor')
      .where('action', '=', 'case.requests_read')
      .where('subject', '=', `report:${caseId}`)
      .orderBy('seq')
      .execute();
    expect(reads.map((r) => r.actor)).toEqual([t.users.handler.id, t.users.supervisor.id, t.users.handler.id]);
    // The case's history records the request and the decision, with the reason and the note.
    const detail = (await handler.get(`/api/v1/cases/${caseId}`)).json() as {
      events: { kind: string; summary: string; reason: string | null }[];
    };
    expect(detail.events.filter((e) => e.kind === 'request' || e.kind === 'decision').slice(-2)).toEqual([
      {
        kind: 'request',
        summary: 'Approval requested: Mark the report knowingly false',
        reason: 'The account is contradicted by two witnesses.',
        actorName: 'Test handler',
        at: new Date(START).toISOString(),
        fromStatus: null,
        toStatus: null,
      },
      {
        kind: 'decision',
        summary: 'Approved: Mark the report knowingly false',
        reason: 'Agreed.',
        actorName: 'Test supervisor',
        at: new Date(START + 3_600_000).toISOString(),
        fromStatus: null,
        toStatus: null,
      },
    ]);
  });

  it('refuses a requester deciding their own request; a second supervisor may', async () => {
    const { id } = (await ask(sup, { kind: 'early_deletion' })).json() as { id: string };
    const own = await sup.send('POST', `/api/v1/requests/${id}/decision`, { decision: 'approve' });
    expect([own.statusCode, errorId(own)]).toEqual([409, 'own_request']);
    expect((await box(sup, 'to_decide')).map((r) => r.id)).not.toContain(id);
    expect((await box(sup2, 'to_decide')).map((r) => r.id)).toContain(id);
    const second = await sup2.send('POST', `/api/v1/requests/${id}/decision`, { decision: 'approve' });
    expect([second.statusCode, second.json()]).toEqual([200, { status: 'approved' }]);
    expect(await auditActions(id)).toEqual([`request.create ${t.users.supervisor.id}`, `request.approve ${sup2Id}`]);
  });

  it('records a refusal with its note, and a request is decided only once', async () => {
    const { id } = (await ask(handler, { kind: 'export' })).json() as { id: string };
    const refused = await sup.send('POST', `/api/v1/requests/${id}/decision`, {
      decision: 'refuse',
      note: 'Not before the interview.',
    });
    expect([refused.statusCode, refused.json()]).toEqual([200, { status: 'refused' }]);
    const again = await sup2.send('POST', `/api/v1/requests/${id}/decision`, { decision: 'approve' });
    expect([again.statusCode, errorId(again)]).toEqual([409, 'decided']);
    expect((await box(handler, 'mine')).find((r) => r.id === id)).toMatchObject({
      status: 'refused',
      deciderName: 'Test supervisor',
      decisionNote: 'Not before the interview.',
    });
    const onCase = (
      (await handler.get(`/api/v1/cases/${caseId}/requests`)).json() as { items: RequestView[] }
    ).items.find((r) => r.id === id);
    expect(onCase).toMatchObject({ kind: 'export', status: 'refused', requesterName: 'Test handler' });
    expect(await auditActions(id)).toEqual([
      `request.create ${t.users.handler.id}`,
      `request.refuse ${t.users.supervisor.id}`,
    ]);
  });

  it('expires a request left undecided for 7 days', async () => {
    const { id } = (await ask(handler, { kind: 'enforcement_action' })).json() as { id: string };
    clock = START + 7 * DAY;
    // Sessions from a week ago have ended: sign in again.
    sup = await actor(t, 'supervisor');
    handler = await actor(t, 'handler');
    const late = await sup.send('POST', `/api/v1/requests/${id}/decision`, { decision: 'approve' });
    expect([late.statusCode, errorId(late)]).toEqual([409, 'expired']);
    expect((await box(handler, 'mine')).find((r) => r.id === id)?.status).toBe('expired');
    expect((await box(sup, 'to_decide')).map((r) => r.id)).not.toContain(id);
    // Expired, it no longer blocks asking again.
    expect((await ask(handler, { kind: 'enforcement_action' })).statusCode).toBe(201);
  });

  it('uses an approval once, then asks for a new one', async () => {
    const { id } = (await ask(handler, { kind: 'early_deletion' })).json() as { id: string };
    expect((await sup.send('POST', `/api/v1/requests/${id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    const viewer: Viewer = {
      userId: t.users.handler.id,
      role: 'handler',
      publicKey: Buffer.alloc(32),
      secretKey: Buffer.alloc(32),
    };
    const use = () =>
      t.deps.db
        .transaction()
        .execute((trx) =>
          useApproval(t.deps, trx, { requestId: id, reportId: caseId, kind: 'early_deletion', viewer }),
        );
    await use();
    const second = await use().then(
      () => null,
      (e: unknown) => e,
    );
    expect(second).toBeInstanceOf(DomainError);
    expect([(second as DomainError).kind, (second as DomainError).id]).toEqual(['conflict', 'approval_required']);
    expect((await box(handler, 'mine')).find((r) => r.id === id)?.status).toBe('used');
    expect(await auditActions(id)).toEqual([
      `request.create ${t.users.handler.id}`,
      `request.approve ${t.users.supervisor.id}`,
      `request.use ${t.users.handler.id}`,
    ]);
  });

  it('names the staff member a request is about', async () => {
    // Someone outside the category's staff, who does not hold the case (complaint-safeguards.test.ts: the refusals).
    const outside = (
      await addUser(t.deps, { username: 'houtside', role: 'handler', password: PASSWORD, displayName: 'Hal Outside' })
    ).user.id;
    await setUserCategories(t.deps, null, outside, ['leak']);
    const { id } = (await ask(handler, { kind: 'grant_outside', subject: outside })).json() as { id: string };
    expect((await box(sup, 'to_decide')).find((r) => r.id === id)?.subject).toEqual({
      id: outside,
      label: 'Hal Outside',
    });
  });

  it('checks what a request is about and refuses repeating one that is waiting', async () => {
    const empty = await ask(handler, { kind: 'knowingly_false', reason: '  ', legalBasis: '' });
    expect([empty.statusCode, empty.json()]).toEqual([
      422,
      {
        error: {
          id: 'validation_failed',
          message: 'Some answers need another look.',
          details: { reason: 'Please give a reason.' },
        },
      },
    ]);
    const noFile = await ask(handler, { kind: 'open_original', subject: '00000000-0000-4000-8000-000000000001' });
    expect([noFile.statusCode, (noFile.json() as { error: { details: unknown } }).error.details]).toEqual([
      422,
      { subject: 'Choose a file of this case.' },
    ]);
    const first = await ask(handler, { kind: 'knowingly_false' });
    expect(first.statusCode).toBe(201);
    const repeat = await ask(handler, { kind: 'knowingly_false' });
    expect([repeat.statusCode, errorId(repeat)]).toEqual([409, 'already_requested']);
  });

  it('names a file of the case by its name', async () => {
    clock = START + 60_000; // received after the first case, so it is the newest
    const body = await multipart(
      reportParts({
        category: 'espionage',
        answers: { what_happened: 'Photos of the gate.', danger: 'no' },
        files: [{ filename: 'gate.bin', data: Buffer.from('not an image') }],
      }),
    );
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body })).statusCode).toBe(201);
    const other = ((await sup.get('/api/v1/cases?order=newest&limit=1')).json() as { items: { id: string }[] })
      .items[0]!.id;
    const fileId = ((await sup.get(`/api/v1/cases/${other}`)).json() as { files: { id: string }[] }).files[0]!.id;
    const res = await sup.send('POST', '/api/v1/requests', {
      caseId: other,
      kind: 'open_original',
      subject: fileId,
      reason: 'The metadata may date the photo.',
      legalBasis: 'CEL 2023 Art. 25',
    });
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: string };
    expect((await box(sup2, 'to_decide')).find((r) => r.id === id)?.subject).toEqual({ id: fileId, label: 'gate.bin' });
  });

  it('answers 404 to those who may not ask, or do not hold the case', async () => {
    for (const role of ['administrator', 'operator', 'custodian', 'oversight'] as const) {
      const who = await actor(t, role);
      const res = await ask(who, { kind: 'knowingly_false' });
      expect([role, res.statusCode]).toEqual([role, 404]);
      expect([role, (await who.get(`/api/v1/cases/${caseId}/requests`)).statusCode]).toEqual([role, 404]);
    }
    for (const role of ['administrator', 'operator'] as const)
      expect([role, (await (await actor(t, role)).get('/api/v1/requests')).statusCode]).toEqual([role, 404]);
  });
});
