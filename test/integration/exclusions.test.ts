/**
 * One manager alone cannot destroy access (issue 8 item 3): an exclusion is for people who could otherwise be
 * granted the case — never an identity custodian —; excluding another manager of the case, or the last active holder
 * of one of its keys, needs another manager's approval; a handler's closing needs a manager's approval, since
 * closing starts the countdown to destruction. On every database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseIdentity } from '../../src/shared/requests.ts';
import { addUser } from '../../src/domain/accounts/users.ts';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { actor, errorId, errorMessage, type Actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';

const REASON = { reason: 'Needed for the case.', legalBasis: 'CEL 2023 Art. 52' };

describe.each(DIALECTS)('exclusions and closing on %s', (dialect) => {
  let t: TestApp;
  let sup: Actor;
  let sup2: Actor;
  let sup3: Actor;
  let handler: Actor;
  let custodian: Actor;
  let sup2Id: string;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    sup2Id = (
      await addUser(t.deps, { username: 'sup2', role: 'supervisor', password: PASSWORD, displayName: 'Sup Two' })
    ).user.id;
    await addUser(t.deps, { username: 'sup3', role: 'supervisor', password: PASSWORD, displayName: 'Sup Three' });
    sup = await actor(t, 'supervisor');
    sup2 = await actor(t, 'sup2');
    sup3 = await actor(t, 'sup3');
    handler = await actor(t, 'handler');
    custodian = await actor(t, 'custodian');
  });
  afterAll(async () => t?.close());

  /** A report with an identity, held by the three supervisors, granted to the handler. @returns its id */
  async function newCase(): Promise<string> {
    const before = new Set((await t.deps.db.selectFrom('reports').select('id').execute()).map((r) => r.id));
    const body = await multipart(
      reportParts({
        category: 'espionage',
        answers: { what_happened: 'A van photographs the gate.', danger: 'no' },
        identity: { name: 'Ana Example' },
      }),
    );
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body })).statusCode).toBe(201);
    const id = (await t.deps.db.selectFrom('reports').select('id').execute()).find((r) => !before.has(r.id))!.id;
    expect((await sup.send('POST', `/api/v1/cases/${id}/grants`, { userId: t.users.handler.id })).statusCode).toBe(201);
    return id;
  }

  const ask = (who: Actor, caseId: string, kind: string, extra: Record<string, string> = {}) =>
    who.send('POST', '/api/v1/requests', { caseId, kind, ...REASON, ...extra });
  const decide = (who: Actor, requestId: string) =>
    who.send('POST', `/api/v1/requests/${requestId}/decision`, { decision: 'approve' });
  const exclude = (caseId: string, userId: string, requestId?: string) =>
    sup.send('POST', `/api/v1/cases/${caseId}/exclusions`, {
      userId,
      reason: 'conflict_of_interest',
      ...(requestId ? { requestId } : {}),
    });
  const scopes = async (caseId: string, userId: string) =>
    (
      await t.deps.db
        .selectFrom('grants')
        .select('scope')
        .where('report_id', '=', caseId)
        .where('user_id', '=', userId)
        .orderBy('scope')
        .execute()
    ).map((g) => g.scope);

  /** The handler asks for the identity, the custodian's session discloses it. @returns the name the handler reads */
  async function disclosedName(caseId: string): Promise<string | null> {
    const asked = await ask(handler, caseId, 'identity_disclosure', { reporterNotice: 'Your name is needed.' });
    expect(asked.statusCode).toBe(201);
    expect((await decide(custodian, (asked.json() as { id: string }).id)).statusCode).toBe(200);
    const identity = (await handler.get(`/api/v1/cases/${caseId}/identity`)).json() as CaseIdentity;
    return (identity.answers?.find((a) => a.fieldId === 'name')?.value as string | undefined) ?? null;
  }

  it('refuses to exclude an identity custodian, whose identity grant stays and still opens the identity', async () => {
    const caseId = await newCase();
    const res = await exclude(caseId, t.users.custodian.id);
    expect([res.statusCode, errorId(res), errorMessage(res)]).toEqual([
      400,
      'not_excludable',
      "Test custodian is an identity custodian: custodians hold the reporter's identity, not the case, and excluding one could leave the identity with no one who can open it. Only staff who could be granted the case can be excluded.",
    ]);
    expect(await scopes(caseId, t.users.custodian.id)).toEqual(['identity']);
    expect(await disclosedName(caseId)).toBe('Ana Example');
  });

  it('excludes a co-supervisor only with another manager’s approval, never decided by the person excluded', async () => {
    const caseId = await newCase();
    const alone = await exclude(caseId, sup2Id);
    expect([alone.statusCode, errorId(alone), errorMessage(alone)]).toEqual([
      409,
      'approval_required',
      'Sup Two manages this case. Excluding them needs an approved request: ask for one (“Exclude another manager of the case, or the last holder of one of its keys”), which another manager of the case decides, and exclude them once it is approved.',
    ]);
    expect(await scopes(caseId, sup2Id)).toEqual(['case', 'evidence']);

    const asked = await ask(sup, caseId, 'exclude_holder', { subject: sup2Id });
    expect(asked.statusCode).toBe(201);
    const requestId = (asked.json() as { id: string }).id;
    // The person to be excluded is no decider: no key to the request (its reason), and no such request to decide.
    const keys = await t.deps.db
      .selectFrom('request_keys')
      .select('user_id')
      .where('request_id', '=', requestId)
      .execute();
    expect(keys.map((k) => k.user_id)).not.toContain(sup2Id);
    const own = await decide(sup2, requestId);
    expect([own.statusCode, errorId(own)]).toEqual([404, 'not_found']);
    expect((await decide(sup3, requestId)).statusCode).toBe(200);

    const done = await exclude(caseId, sup2Id, requestId);
    expect(done.statusCode).toBe(201);
    expect((done.json() as { exclusions: { displayName: string }[] }).exclusions.map((x) => x.displayName)).toEqual([
      'Sup Two',
    ]);
    expect(await scopes(caseId, sup2Id)).toEqual([]);
    expect((await sup2.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    const events = (await sup.get(`/api/v1/cases/${caseId}`)).json() as { events: { summary: string }[] };
    expect(events.events.map((e) => e.summary)).toContain('Sup Two excluded (a conflict of interest), as approved');
  });

  it('excludes the last active holder of a key only with approval; a handler who is not one, directly', async () => {
    const caseId = await newCase();
    expect(await disclosedName(caseId)).toBe('Ana Example');
    // With the custodian disabled, the handler is the only active person who can open the identity.
    await t.deps.db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('username', '=', 'custodian')
      .execute();
    try {
      const alone = await exclude(caseId, t.users.handler.id);
      expect([alone.statusCode, errorId(alone), errorMessage(alone)]).toEqual([
        409,
        'approval_required',
        "Test handler is the only active person who holds the reporter's identity (disclosed to them): excluding them would leave it with no one who can open it. Excluding them needs an approved request: ask for one (“Exclude another manager of the case, or the last holder of one of its keys”), which another manager of the case decides, and exclude them once it is approved.",
      ]);
      expect(await scopes(caseId, t.users.handler.id)).toEqual(['case', 'identity']);
      const requestId = (
        (await ask(sup, caseId, 'exclude_holder', { subject: t.users.handler.id })).json() as { id: string }
      ).id;
      expect((await decide(sup2, requestId)).statusCode).toBe(200);
      expect((await exclude(caseId, t.users.handler.id, requestId)).statusCode).toBe(201);
      expect(await scopes(caseId, t.users.handler.id)).toEqual([]);
    } finally {
      await t.deps.db.updateTable('users').set({ disabled_at: null }).where('username', '=', 'custodian').execute();
    }
    // With the custodian back, a handler holds nothing no one else holds: excluded without an approval, and a request
    // for one is refused as needless.
    const other = await newCase();
    const needless = await ask(sup, other, 'exclude_holder', { subject: t.users.handler.id });
    expect([needless.statusCode, errorId(needless)]).toEqual([400, 'invalid_subject']);
    expect((await exclude(other, t.users.handler.id)).statusCode).toBe(201);
  });

  it('lets a handler close a case only with a manager’s approval; a manager closes alone', async () => {
    const caseId = await newCase();
    const close = (who: Actor, requestId?: string) =>
      who.send('POST', `/api/v1/cases/${caseId}/status`, {
        status: 'closed',
        outcome: 'unsubstantiated',
        ...(requestId ? { requestId } : {}),
      });
    const alone = await close(handler);
    expect([alone.statusCode, errorId(alone), errorMessage(alone)]).toEqual([
      409,
      'approval_required',
      'Closing a case starts the countdown to its destruction, so only a manager of the case closes it alone. Ask for an approval (“Close the case”), which a supervisor holding the case decides, and close the case once it is approved.',
    ]);
    const report = () =>
      t.deps.db
        .selectFrom('reports')
        .select(['status', 'retention_ends_at'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
    expect(await report()).toEqual({ status: 'received', retention_ends_at: null });

    const needless = await ask(sup, caseId, 'close_case');
    expect([needless.statusCode, errorId(needless)]).toEqual([409, 'not_needed']);
    const requestId = ((await ask(handler, caseId, 'close_case')).json() as { id: string }).id;
    expect((await decide(sup, requestId)).statusCode).toBe(200);
    const closed = await close(handler, requestId);
    expect([closed.statusCode, closed.json()]).toEqual([200, { status: 'closed', outcome: 'unsubstantiated' }]);
    expect((await report()).retention_ends_at).not.toBeNull();

    // Reopened, a supervisor closes it alone.
    expect(
      (await sup.send('POST', `/api/v1/cases/${caseId}/status`, { status: 'assessing', reason: 'New facts.' }))
        .statusCode,
    ).toBe(200);
    expect((await sup.send('POST', `/api/v1/cases/${caseId}/risk`, { level: 'low' })).statusCode).toBe(200);
    expect((await close(sup)).statusCode).toBe(200);
  });
});
