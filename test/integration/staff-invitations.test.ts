/**
 * Staff accounts an administrator can no longer take over (issue 4, tester's findings): accounts are created by
 * invitation and hold no keys, get no grants and cannot sign in until the person activates them with a password of
 * their own; the recovery key goes to that person only; clearing TOTP does not open the account to whoever knows the
 * username; the first step of a two-factor sign-in is not a failure; a disabled account can be enabled again, and
 * disabling a custodian says how many identities no one else can open.
 */
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { actor, errorId, errorMessage, ESPIONAGE, submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import {
  activate as activateWith,
  approvalCodeOf,
  invite as inviteApproved,
  type InvitationCodes,
} from '../helpers/invitations.ts';
import { addStaff } from '../helpers/staff-work.ts';

const NEW_PASSWORD = 'my very own passphrase 2026';

describe.each(DIALECTS)('staff invitations and account safety (%s)', (dialect) => {
  let t: TestApp;
  let clock = Date.parse('2026-03-02T10:00:00.000Z');
  beforeAll(async () => {
    t = await buildTestApp({ dialect, now: () => new Date(clock) });
    await addStaff(t.deps, 'admin2', 'administrator');
  });
  afterAll(async () => {
    await t?.close();
  });

  const signIn = (username: string, password = PASSWORD, code?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username, password, ...(code ? { code } : {}) },
    });
  const activate = (username: string, codes: InvitationCodes, newPassword = NEW_PASSWORD) =>
    activateWith(t, username, codes, newPassword);
  const grantsOf = (userId: string) =>
    t.deps.db.selectFrom('grants').select(['report_id', 'scope']).where('user_id', '=', userId).execute();

  /**
   * Invites as `administrator`; a second administrator approves (two-person rule) unless `approve` is false.
   * @returns the answer, the user and both codes (`approval` empty when not approved)
   */
  async function invite(username: string, role: string, approve = true) {
    const admin = await actor(t, 'administrator');
    const res = await admin.send('POST', '/api/v1/users', { username, role });
    expect(res.statusCode).toBe(201);
    const created = res.json() as { user: { id: string }; invitation: { code: string; expiresAt: string } };
    const approval = approve ? approvalCodeOf(await approveAs('admin2', created.user.id, 200)) : '';
    return { res, ...created, codes: { invitation: created.invitation.code, approval } };
  }
  async function approveAs(username: string, userId: string, status: number) {
    const res = await (await actor(t, username)).send('POST', `/api/v1/users/${userId}/invitation/approve`);
    expect(res.statusCode).toBe(status);
    return res;
  }

  it('an invitation works only once a second administrator, not its issuer, has approved it', async () => {
    const { user, invitation } = await invite('olaf', 'supervisor', false);
    const own = await approveAs('administrator', user.id, 409);
    expect(errorId(own)).toBe('own_invitation');
    const early = await activate('olaf', { invitation: invitation.code, approval: 'AAAA-BBBB' });
    expect([early.statusCode, errorId(early)]).toEqual([409, 'invitation_not_approved']);
    expect(errorMessage(early)).toBe(
      'Your invitation is waiting for a second administrator to approve it. They will give you the second code in person; try again once you have it.',
    );
    const listed = (await (await actor(t, 'administrator')).get('/api/v1/users')).json() as {
      users: { username: string; invitationApproved: boolean; canApproveInvitation: boolean }[];
    };
    expect(listed.users.find((u) => u.username === 'olaf')).toMatchObject({
      invitationApproved: false,
      canApproveInvitation: false,
    });
    const approved = await approveAs('admin2', user.id, 200);
    expect(approved.headers['cache-control']).toBe('no-store');
    const approval = approved.json() as { user: { invitationApproved: boolean }; approval: { code: string } };
    expect(approval.user.invitationApproved).toBe(true);
    expect(approval.approval.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    expect(approval.approval.code).not.toBe(invitation.code);
    expect(errorId(await approveAs('admin2', user.id, 409))).toBe('already_approved');
    expect((await activate('olaf', { invitation: invitation.code, approval: approval.approval.code })).statusCode).toBe(
      200,
    );
    // A new code for an approved invitation needs approving again: its issuer cannot hand it to themselves, and the
    // old second code no longer works.
    const second = await invite('petra', 'custodian');
    const fresh = (
      (await (await actor(t, 'administrator')).send('POST', `/api/v1/users/${second.user.id}/invitation`)).json() as {
        invitation: { code: string };
      }
    ).invitation.code;
    const stale = await activate('petra', { invitation: fresh, approval: second.codes.approval });
    expect(errorId(stale)).toBe('invitation_not_approved');
  });

  it('an invited account gets no grants and cannot sign in until the person activates it; the recovery key goes to them only', async () => {
    const custodian = await invite('ines', 'custodian');
    const supervisor = await invite('sven', 'supervisor');
    const handler = await invite('hanna', 'handler');
    // The administrator's answers hold no password and no recovery key.
    for (const { res } of [custodian, supervisor, handler]) {
      expect(res.body).not.toMatch(/recovery|"password"|salt|verifier|wrapped/i);
    }
    const list = await (await actor(t, 'administrator')).get('/api/v1/users');
    expect(list.body).not.toMatch(/recovery|"password"|salt|verifier|wrapped|"code"/i);

    // A report while they are not activated: sealed to active staff only.
    const before = await submitCase(t, { answers: ESPIONAGE });
    for (const { user } of [custodian, supervisor, handler]) expect(await grantsOf(user.id)).toEqual([]);
    // A supervisor cannot grant a case to an account that has no key pair yet.
    const sup = await actor(t, 'supervisor');
    const grant = await sup.send('POST', `/api/v1/cases/${before.id}/grants`, { userId: handler.user.id });
    expect([grant.statusCode, errorId(grant)]).toEqual([400, 'unknown_user']);
    expect(await grantsOf(handler.user.id)).toEqual([]);
    // No sign-in: neither with a guessed password nor with the code itself.
    for (const password of [PASSWORD, custodian.codes.invitation, custodian.codes.approval]) {
      const res = await signIn('ines', password);
      expect([res.statusCode, errorId(res)]).toEqual([401, 'unauthorized']);
    }

    // A wrong code, another account's code, and the two codes swapped are refused alike.
    for (const codes of [
      { invitation: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', approval: custodian.codes.approval },
      { invitation: supervisor.codes.invitation, approval: custodian.codes.approval },
      { invitation: custodian.codes.invitation, approval: supervisor.codes.approval },
      { invitation: custodian.codes.approval, approval: custodian.codes.invitation },
    ]) {
      const wrong = await activate('ines', codes);
      expect([wrong.statusCode, errorId(wrong)]).toEqual([401, 'invitation_invalid']);
    }
    const weak = await activate('ines', custodian.codes, 'short');
    expect([weak.statusCode, errorId(weak)]).toEqual([400, 'weak_password']);

    // Typed in lower case with spaces: the same codes.
    const spaced = (code: string) => code.toLowerCase().replace(/-/g, ' ');
    const ok = await activate('ines', {
      invitation: spaced(custodian.codes.invitation),
      approval: spaced(custodian.codes.approval),
    });
    expect(ok.statusCode).toBe(200);
    const session = ok.json() as { user: { username: string }; recoveryKey: string; csrfToken: string };
    expect(session.user.username).toBe('ines');
    expect(session.recoveryKey).toMatch(/^[0-9A-Z]{4}( [0-9A-Z]{4}){7}$/);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.cookies.length).toBe(1);
    // Reused: refused, and the password chosen stays.
    const reused = await activate('ines', custodian.codes, 'someone else’s password 1');
    expect([reused.statusCode, errorId(reused)]).toEqual([401, 'invitation_invalid']);
    expect((await signIn('ines', NEW_PASSWORD)).statusCode).toBe(200);
    // The recovery key works for her; the administrator never had it.
    const recovered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session/recover',
      payload: { username: 'ines', recoveryKey: session.recoveryKey, newPassword: NEW_PASSWORD },
    });
    expect(recovered.statusCode).toBe(200);

    // Activated: the next report's identity is sealed to her too; the earlier one stays out of her reach.
    clock += 1000; // submitCase finds the newest case
    const after = await submitCase(t, { answers: ESPIONAGE });
    expect(await grantsOf(custodian.user.id)).toEqual([{ report_id: after.id, scope: 'identity' }]);
    expect(await grantsOf(supervisor.user.id)).toEqual([]);

    const audit = await t.deps.db
      .selectFrom('audit')
      .select(['action', 'actor', 'reason'])
      .where('actor', '=', custodian.user.id)
      .where('action', 'like', 'account.activate%')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'account.activate.failed', actor: custodian.user.id, reason: null },
      { action: 'account.activate.failed', actor: custodian.user.id, reason: null },
      // Her first code with a wrong second one: what an issuer alone would try, marked for oversight.
      { action: 'account.activate.failed', actor: custodian.user.id, reason: 'approval code' },
      { action: 'account.activate.failed', actor: custodian.user.id, reason: null },
      { action: 'account.activate', actor: custodian.user.id, reason: null },
      { action: 'account.activate.failed', actor: custodian.user.id, reason: null },
    ]);
    const listed = (await (await actor(t, 'administrator')).get('/api/v1/users')).json() as {
      users: { username: string; activated: boolean; invitationExpiresAt: string | null }[];
    };
    expect(listed.users.find((u) => u.username === 'ines')).toMatchObject({
      activated: true,
      invitationExpiresAt: null,
    });
    expect(listed.users.find((u) => u.username === 'sven')).toMatchObject({ activated: false });
  });

  it('an expired invitation is refused; a new code replaces it, and none is issued for an activated account', async () => {
    const { user, codes } = await invite('edda', 'handler');
    clock += 72 * 3600_000;
    const expired = await activate('edda', codes);
    expect([expired.statusCode, errorId(expired)]).toEqual([401, 'invitation_invalid']);
    const admin = await actor(t, 'administrator');
    const again = await admin.send('POST', `/api/v1/users/${user.id}/invitation`);
    expect(again.statusCode).toBe(200);
    const fresh = (again.json() as { invitation: { code: string } }).invitation.code;
    expect(fresh).not.toBe(codes.invitation);
    clock += 60_000;
    const approval = approvalCodeOf(await approveAs('admin2', user.id, 200)); // a new code is approved anew
    expect((await activate('edda', { invitation: codes.invitation, approval })).statusCode).toBe(401);
    expect((await activate('edda', { invitation: fresh, approval: codes.approval })).statusCode).toBe(401);
    expect((await activate('edda', { invitation: fresh, approval })).statusCode).toBe(200);
    const done = await admin.send('POST', `/api/v1/users/${user.id}/invitation`);
    expect([done.statusCode, errorId(done)]).toEqual([409, 'already_activated']);
    const reasons = await t.deps.db
      .selectFrom('audit')
      .select(['action', 'reason'])
      .where('actor', '=', user.id)
      .orderBy('seq')
      .execute();
    expect(reasons.slice(0, 2)).toEqual([
      { action: 'account.activate.failed', reason: 'expired' },
      { action: 'account.activate.failed', reason: null },
    ]);
  });

  it('after an administrator clears TOTP, someone who knows only the username cannot recover the account', async () => {
    const { codes, user } = await invite('tilda', 'custodian');
    const activated = await activate('tilda', codes);
    const { recoveryKey, csrfToken } = activated.json() as { recoveryKey: string; csrfToken: string };
    const headers = {
      cookie: activated.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      'x-csrf-token': csrfToken,
    };
    const started = await t.app.inject({ method: 'POST', url: '/api/v1/account/totp', headers });
    const totp = new TOTP({ secret: Secret.fromBase32((started.json() as { secret: string }).secret) });
    const code = () => totp.generate({ timestamp: clock });
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/account/totp/confirm', headers, payload: { code: code() } }))
        .statusCode,
    ).toBe(200);
    clock += 30_000;
    // With TOTP on, the recovery key alone is not enough.
    const recover = (key: string, totpCode?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/session/recover',
        payload: {
          username: 'tilda',
          recoveryKey: key,
          newPassword: 'a takeover password',
          ...(totpCode ? { code: totpCode } : {}),
        },
      });
    const noCode = await recover(recoveryKey);
    expect([noCode.statusCode, errorId(noCode)]).toEqual([401, 'totp_required']);

    const admin = await actor(t, 'administrator');
    const reset = await admin.send('POST', `/api/v1/users/${user.id}/totp-reset`);
    expect(reset.statusCode).toBe(200);
    expect(reset.body).not.toMatch(/recovery|"password"/i);
    // The administrator (or anyone) knowing the username: every guess is refused, and no session starts.
    for (const guess of ['AAAA BBBB CCCC DDDD EEEE FFFF GGGG HHHH', '', 'tilda']) {
      const res = await recover(guess || 'x');
      expect([res.statusCode, errorId(res)]).toEqual([401, 'unauthorized']);
      expect(res.cookies).toEqual([]);
    }
    expect((await signIn('tilda', 'a takeover password')).statusCode).toBe(401);
  });

  it('a right password without the code is the first step, not a failure: no lockout, audited session.code_required; wrong codes count', async () => {
    const { codes, user } = await invite('greta', 'handler');
    const activated = await activate('greta', codes, PASSWORD);
    const headers = {
      cookie: activated.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      'x-csrf-token': (activated.json() as { csrfToken: string }).csrfToken,
    };
    const started = await t.app.inject({ method: 'POST', url: '/api/v1/account/totp', headers });
    const totp = new TOTP({ secret: Secret.fromBase32((started.json() as { secret: string }).secret) });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/account/totp/confirm',
      headers,
      payload: { code: totp.generate({ timestamp: clock }) },
    });
    clock += 30_000;
    for (let i = 0; i < 12; i++) {
      const first = await signIn('greta');
      expect([first.statusCode, errorId(first)]).toEqual([401, 'totp_required']);
    }
    const ok = await signIn('greta', PASSWORD, totp.generate({ timestamp: clock }));
    expect(ok.statusCode).toBe(200);
    const actions = await t.deps.db
      .selectFrom('audit')
      .select('action')
      .where('actor', '=', user.id)
      .where('action', 'like', 'session.%')
      .execute();
    expect(actions.filter((a) => a.action === 'session.code_required').length).toBe(12);
    expect(actions.filter((a) => a.action === 'session.failed').length).toBe(0);

    // Wrong codes are failures: the tenth locks the account for the window.
    for (let i = 0; i < 10; i++) {
      const wrong = await signIn('greta', PASSWORD, '000000');
      expect([wrong.statusCode, errorId(wrong)]).toEqual([401, 'totp_invalid']);
    }
    const locked = await signIn('greta');
    expect([locked.statusCode, errorId(locked)]).toEqual([429, 'too_many_attempts']);
  });
});

describe.each(DIALECTS)('disabling and enabling staff accounts (%s)', (dialect) => {
  let t: TestApp;
  let clock = Date.parse('2026-03-02T10:00:00.000Z');
  beforeAll(async () => {
    t = await buildTestApp({ dialect, now: () => new Date(clock) });
    await addStaff(t.deps, 'admin2', 'administrator');
  });
  afterAll(async () => {
    await t?.close();
  });
  const signIn = (username: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: PASSWORD } });
  it('disabling a custodian says how many identities no one else can open; enabling gives the account back', async () => {
    const custodian = t.users.custodian.id;
    await submitCase(t, { answers: ESPIONAGE }); // sealed to the first custodian only
    const { id: coraId, codes } = await inviteApproved(t, 'cora', 'custodian');
    expect((await activateWith(t, 'cora', codes)).statusCode).toBe(200);
    clock += 1000;
    await submitCase(t, { answers: ESPIONAGE }); // sealed to both custodians
    const admin = await actor(t, 'administrator');

    const cora = await admin.send('POST', `/api/v1/users/${coraId}/disable`);
    expect(cora.statusCode).toBe(200);
    expect(cora.json()).toMatchObject({ user: { disabled: true }, soleIdentityReports: 0, warning: null });
    clock += 1000;
    await submitCase(t, { answers: ESPIONAGE }); // sealed to the first custodian only
    const enabled = await admin.send('POST', `/api/v1/users/${coraId}/enable`);
    expect(enabled.statusCode).toBe(200);
    expect((enabled.json() as { user: { disabled: boolean } }).user.disabled).toBe(false);
    expect((await signIn('cora')).statusCode).toBe(200);

    const first = await admin.send('POST', `/api/v1/users/${custodian}/disable`);
    expect(first.statusCode).toBe(200);
    const body = first.json() as { soleIdentityReports: number; warning: string };
    expect(body.soleIdentityReports).toBe(2);
    expect(body.warning).toBe(
      `Only this account could open the reporter’s identity of 2 reports: each identity key is sealed to the custodians who hold it, and no other enabled account holds these. While the account is disabled nobody can open or disclose those identities. Enable it again to keep them reachable.`,
    );
    expect((await admin.send('POST', `/api/v1/users/${custodian}/enable`)).statusCode).toBe(200);
    // Enabling an enabled account changes nothing; an unknown id is 404.
    expect((await admin.send('POST', `/api/v1/users/${custodian}/enable`)).statusCode).toBe(200);
    expect((await admin.send('POST', '/api/v1/users/00000000-0000-4000-8000-000000000009/enable')).statusCode).toBe(
      404,
    );
    const audit = await t.deps.db
      .selectFrom('audit')
      .select(['action', 'subject'])
      .where('action', 'in', ['user.disable', 'user.enable'])
      .where('actor', '=', t.users.administrator.id)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'user.disable', subject: `user:${coraId}` },
      { action: 'user.enable', subject: `user:${coraId}` },
      { action: 'user.disable', subject: `user:${custodian}` },
      { action: 'user.enable', subject: `user:${custodian}` },
    ]);
  });
});
