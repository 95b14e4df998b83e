/**
 * One administrator cannot make a staff account of their own with one approval given in good faith (issue 8 item 1).
 * With one invitation code, its issuer activated the account once a second administrator approved: a supervisor
 * session, and the next report sealed to it; repeated with an administrator account, one person then satisfied every
 * two-person rule alone (invite a custodian, approve as the second administrator, approve the disclosure) and read
 * the identity of a new report. Now the approver's answer holds a second code that the issuer never sees, and an
 * account activates only with both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { actor, errorId, ESPIONAGE, submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { activate, approvalCodeOf } from '../helpers/invitations.ts';
import { addStaff } from '../helpers/staff-work.ts';

const TAKEOVER = 'the issuer chose this one';

describe.each(DIALECTS)('invitations need both administrators (%s)', (dialect) => {
  let t: TestApp;
  let clock = Date.parse('2026-03-02T10:00:00.000Z');
  beforeAll(async () => {
    t = await buildTestApp({ dialect, now: () => new Date(clock) });
    await addStaff(t.deps, 'admin2', 'administrator');
  });
  afterAll(async () => t?.close());

  const grantsOf = (userId: string) =>
    t.deps.db
      .selectFrom('grants')
      .select(['report_id', 'scope'])
      .where('user_id', '=', userId)
      .orderBy('scope')
      .execute();
  const signIn = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });

  /** The issuing administrator invites; @returns the user's id and the first code (all the issuer ever sees). */
  async function issue(username: string, role: string, issuer = 'administrator') {
    const res = await (await actor(t, issuer)).send('POST', '/api/v1/users', { username, role });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { user: { id: string }; invitation: { code: string } };
    return { id: body.user.id, first: body.invitation.code };
  }
  /** Everything the issuer alone can try with the first code; each attempt must be refused. */
  async function issuerTries(username: string, first: string) {
    for (const approval of [first, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', '0000']) {
      const res = await activate(t, username, { invitation: first, approval }, TAKEOVER);
      expect(res.statusCode, `the issuer activated ${username}: ${res.body}`).toBe(401);
      expect(errorId(res)).toBe('invitation_invalid');
      expect(res.cookies).toEqual([]);
    }
    const bare = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session/activate',
      payload: { username, invitation: first, newPassword: TAKEOVER },
    });
    expect([bare.statusCode, errorId(bare)]).toEqual([400, 'invalid_request']);
    expect((await signIn(username, TAKEOVER)).statusCode).toBe(401);
  }

  it('the issuer cannot activate after a good-faith approval; the named person, with both codes, can', async () => {
    const { id, first } = await issue('sam', 'supervisor');
    // The second administrator approves in good faith; the second code goes to Sam in person, not to the issuer.
    const approved = await (await actor(t, 'admin2')).send('POST', `/api/v1/users/${id}/invitation/approve`);
    expect(approved.statusCode).toBe(200);
    await issuerTries('sam', first);
    const second = approvalCodeOf(approved);

    // Nor does a new code help the issuer: it undoes the approval, which they cannot give themselves.
    const reissued = await (await actor(t, 'administrator')).send('POST', `/api/v1/users/${id}/invitation`);
    const fresh = (reissued.json() as { invitation: { code: string } }).invitation.code;
    const own = await (await actor(t, 'administrator')).send('POST', `/api/v1/users/${id}/invitation/approve`);
    expect([own.statusCode, errorId(own)]).toEqual([409, 'own_invitation']);
    const unapproved = await activate(t, 'sam', { invitation: fresh, approval: second }, TAKEOVER);
    expect([unapproved.statusCode, errorId(unapproved)]).toEqual([409, 'invitation_not_approved']);

    // The next report is sealed to no account the issuer holds.
    const before = await submitCase(t, { answers: ESPIONAGE });
    expect(await grantsOf(id)).toEqual([]);
    expect(await grantsOf(t.users.administrator.id)).toEqual([]);

    // The legitimate path: approved anew, and Sam activates with both codes and a password of his own.
    const again = await (await actor(t, 'admin2')).send('POST', `/api/v1/users/${id}/invitation/approve`);
    const ok = await activate(t, 'sam', { invitation: fresh, approval: approvalCodeOf(again) }, PASSWORD);
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { user: { username: string } }).user.username).toBe('sam');
    clock += 1000;
    const after = await submitCase(t, { answers: ESPIONAGE });
    expect(await grantsOf(id)).toEqual([
      { report_id: after.id, scope: 'case' },
      { report_id: after.id, scope: 'evidence' },
    ]);
    expect(before.id).not.toBe(after.id);
  });

  it('the escalation chain cannot be completed: no second administrator account, so no custodian, so no disclosure', async () => {
    // Step 1: a second administrator account for the same person. Good faith approval; the issuer holds one code.
    const shadow = await issue('shadow', 'administrator');
    const ownApproval = await (
      await actor(t, 'administrator')
    ).send('POST', `/api/v1/users/${shadow.id}/invitation/approve`);
    expect([ownApproval.statusCode, errorId(ownApproval)]).toEqual([409, 'own_invitation']);
    expect(
      (await (await actor(t, 'admin2')).send('POST', `/api/v1/users/${shadow.id}/invitation/approve`)).statusCode,
    ).toBe(200);
    await issuerTries('shadow', shadow.first);

    // Step 2: a custodian of their own, approved "as the second administrator": there is no such session to use, and
    // the real second administrator's approval again leaves the issuer with one code.
    const keeper = await issue('keeper', 'custodian');
    const asShadow = await signIn('shadow', TAKEOVER);
    expect([asShadow.statusCode, errorId(asShadow)]).toEqual([401, 'unauthorized']);
    const asSelf = await (
      await actor(t, 'administrator')
    ).send('POST', `/api/v1/users/${keeper.id}/invitation/approve`);
    expect([asSelf.statusCode, errorId(asSelf)]).toEqual([409, 'own_invitation']);
    expect(
      (await (await actor(t, 'admin2')).send('POST', `/api/v1/users/${keeper.id}/invitation/approve`)).statusCode,
    ).toBe(200);
    await issuerTries('keeper', keeper.first);

    // Step 3: the disclosure. A new report's identity is sealed only to the real custodian; the administrator can
    // neither ask for it nor read it.
    clock += 1000;
    const report = await submitCase(t, { answers: ESPIONAGE });
    const identityHolders = await t.deps.db
      .selectFrom('grants')
      .select('user_id')
      .where('report_id', '=', report.id)
      .where('scope', '=', 'identity')
      .execute();
    expect(identityHolders).toEqual([{ user_id: t.users.custodian.id }]);
    const admin = await actor(t, 'administrator');
    expect((await admin.get(`/api/v1/cases/${report.id}/identity`)).statusCode).toBe(404);
    const ask = await admin.send('POST', '/api/v1/requests', {
      caseId: report.id,
      kind: 'identity_disclosure',
      reason: 'takeover',
      legalBasis: 'none',
    });
    expect(ask.statusCode).toBe(404);
    const attempts = await t.deps.db
      .selectFrom('audit')
      .select('reason')
      .where('actor', 'in', [shadow.id, keeper.id])
      .where('action', '=', 'account.activate.failed')
      .execute();
    // Every try with the issuer's own code is on record as such for oversight.
    expect(attempts.filter((a) => a.reason === 'approval code')).toHaveLength(6);
  });
});
