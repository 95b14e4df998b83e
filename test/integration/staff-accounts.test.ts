/**
 * Staff accounts through the API: the administrator's users API (administrators only), disabling and password
 * resets that end the user's sessions at once, recovery with the recovery key (the same private key, so granted
 * cases still open), and a signed-in user changing their own password.
 */
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { actor, errorId, errorMessage, submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { activate, invite } from '../helpers/invitations.ts';
import { addStaff } from '../helpers/staff-work.ts';

const NEW_PASSWORD = 'a brand new passphrase 2026';
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

describe.each(DIALECTS)('staff accounts (%s)', (dialect) => {
  let t: TestApp;
  /** A second administrator, who approves the first one's invitations (two-person rule). */
  let admin2 = '';
  let clock = Date.parse('2026-03-02T10:00:00.000Z');
  beforeAll(async () => {
    t = await buildTestApp({ dialect, now: () => new Date(clock) });
    admin2 = await addStaff(t.deps, 'admin2', 'administrator');
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
  const sessionWith = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie } });

  /**
   * Creates a user through the administrators' invitation, activated by the person with PASSWORD.
   * @returns its id and the recovery key the activation showed them
   */
  async function createUser(username: string, role = 'handler') {
    const { id, codes } = await invite(t, username, role, { displayName: `Person ${username}` });
    const activated = await activate(t, username, codes);
    expect(activated.statusCode).toBe(200);
    return { id, recoveryKey: (activated.json() as { recoveryKey: string }).recoveryKey };
  }

  it('is for administrators only: everyone else gets 404, and no session 401', async () => {
    const id = t.users.handler.id;
    const routes = [
      { method: 'GET' as const, url: '/api/v1/users' },
      {
        method: 'POST' as const,
        url: '/api/v1/users',
        payload: { username: 'x1', role: 'handler' },
      },
      { method: 'POST' as const, url: `/api/v1/users/${id}/invitation` },
      { method: 'POST' as const, url: `/api/v1/users/${id}/disable` },
      { method: 'POST' as const, url: `/api/v1/users/${id}/enable` },
      { method: 'POST' as const, url: `/api/v1/users/${id}/password-reset` },
      { method: 'POST' as const, url: `/api/v1/users/${id}/totp-reset` },
      { method: 'PUT' as const, url: `/api/v1/users/${id}/categories`, payload: { categories: ['espionage'] } },
    ];
    for (const role of ['supervisor', 'handler', 'custodian', 'oversight', 'operator']) {
      const s = await t.signIn(role);
      for (const route of routes) {
        const res = await t.app.inject({
          method: route.method,
          url: route.url,
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
          ...(route.payload ? { payload: route.payload } : {}),
        });
        expect([role, route.url, res.statusCode]).toEqual([role, route.url, 404]);
      }
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
    expect((await sessionWith('')).statusCode).toBe(401);
    const handler = await actor(t, 'handler');
    expect((await handler.get(`/api/v1/session`)).statusCode).toBe(200);
  });

  it('lists every account with what an administrator may see, and creates one by invitation (code shown once)', async () => {
    const admin = await actor(t, 'administrator');
    const created = await admin.send('POST', '/api/v1/users', {
      username: 'Nora.Field',
      displayName: 'Nora Field',
      role: 'custodian',
      email: 'nora@agency.example',
    });
    expect(created.statusCode).toBe(201);
    const body = created.json() as { user: { id: string }; invitation: { code: string; expiresAt: string } };
    expect(body.invitation).toEqual({
      code: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/) as string,
      expiresAt: new Date(clock + 72 * 3600_000).toISOString(),
    });
    expect(Object.keys(body)).toEqual(['user', 'invitation']);
    expect(body.user).toEqual({
      id: body.user.id,
      username: 'nora.field',
      displayName: 'Nora Field',
      role: 'custodian',
      email: 'nora@agency.example',
      disabled: false,
      totpEnabled: false,
      totpRequired: false,
      passwordResetPending: false,
      categories: null,
      activated: false,
      invitationExpiresAt: body.invitation.expiresAt,
      invitationApproved: false,
      canApproveInvitation: false,
    });
    const list = await admin.get('/api/v1/users');
    expect(list.statusCode).toBe(200);
    const users = (list.json() as { users: { username: string; id: string }[] }).users;
    expect(users.find((u) => u.username === 'nora.field')).toEqual(body.user);
    expect(users.find((u) => u.username === 'handler')).toEqual({
      id: t.users.handler.id,
      username: 'handler',
      displayName: 'Test handler',
      role: 'handler',
      email: null,
      disabled: false,
      totpEnabled: false,
      totpRequired: false,
      passwordResetPending: false,
      categories: null,
      activated: true,
      invitationExpiresAt: null,
      invitationApproved: true,
      canApproveInvitation: false,
    });
    // Nothing secret or key-like leaves, and the list is by username.
    expect(list.body).not.toMatch(/salt|verifier|wrapped|public_?key|recovery/i);
    const names = users.map((u) => u.username);
    expect(names).toEqual([...names].sort());

    const again = await admin.send('POST', '/api/v1/users', { username: 'nora.field', role: 'handler' });
    expect([again.statusCode, errorId(again)]).toEqual([409, 'username_taken']);
    const badMail = await admin.send('POST', '/api/v1/users', {
      username: 'otto',
      role: 'handler',
      email: 'not an address',
    });
    expect([badMail.statusCode, errorId(badMail)]).toEqual([400, 'invalid_email']);
    const after = (await admin.get('/api/v1/users')).json() as { users: { username: string }[] };
    expect(after.users.some((u) => u.username === 'otto')).toBe(false);

    // Not activated: the invitation code is no password, and no password works yet.
    expect((await signIn('nora.field')).statusCode).toBe(401);
    expect((await signIn('nora.field', body.invitation.code)).statusCode).toBe(401);
    const audit = await t.deps.db
      .selectFrom('audit')
      .select(['actor', 'reason'])
      .where('action', '=', 'user.create')
      .where('subject', '=', `user:${body.user.id}`)
      .execute();
    expect(audit).toEqual([{ actor: t.users.administrator.id, reason: 'custodian' }]);
  });

  it('sets the categories a staff member works on, naming the ones the profile has when one is unknown', async () => {
    const { id } = await createUser('carla', 'supervisor');
    const admin = await actor(t, 'administrator');
    // Two administrators: the change waits for the other one, then applies.
    const set = await admin.send('PUT', `/api/v1/users/${id}/categories`, { categories: ['leak', 'espionage'] });
    expect(set.statusCode).toBe(200);
    const waiting = set.json() as {
      outcome: string;
      user: { categories: null };
      change: { id: string; diff: unknown };
    };
    expect([waiting.outcome, waiting.user.categories]).toEqual(['pending', null]);
    expect(waiting.change.diff).toEqual([
      { path: 'categories', kind: 'changed', before: null, after: ['espionage', 'leak'] },
    ]);
    const other = await actor(t, 'admin2');
    expect((await other.send('POST', `/api/v1/admin/changes/${waiting.change.id}/approve`)).json()).toEqual({
      outcome: 'applied',
    });
    const after = (await admin.get('/api/v1/users')).json() as { users: { id: string; categories: string[] }[] };
    expect(after.users.find((u) => u.id === id)?.categories).toEqual(['espionage', 'leak']);
    const unknown = await admin.send('PUT', `/api/v1/users/${id}/categories`, { categories: ['gardening'] });
    expect([unknown.statusCode, errorId(unknown)]).toEqual([400, 'unknown_category']);
    expect(errorMessage(unknown)).toMatch(/^There is no category “gardening”\. Categories: espionage, /);
    const all = await admin.send('PUT', `/api/v1/users/${id}/categories`, { categories: null });
    expect((all.json() as { outcome: string }).outcome).toBe('pending');
    const nobody = await admin.send('PUT', '/api/v1/users/00000000-0000-4000-8000-000000000009/categories', {
      categories: null,
    });
    expect(nobody.statusCode).toBe(404);
  });

  it('disabling ends the user’s sessions at once: the old cookie is refused right after', async () => {
    const { id } = await createUser('dora');
    const res = await signIn('dora');
    const cookie = cookieOf(res);
    expect((await sessionWith(cookie)).statusCode).toBe(200);
    const admin = await actor(t, 'administrator');
    const disabled = await admin.send('POST', `/api/v1/users/${id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect((disabled.json() as { user: { disabled: boolean } }).user.disabled).toBe(true);
    const old = await sessionWith(cookie);
    expect([old.statusCode, errorId(old)]).toEqual([401, 'unauthorized']);
    const rows = await t.deps.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute();
    expect(rows).toEqual([]);
    const again = await signIn('dora');
    expect([again.statusCode, errorMessage(again)]).toEqual([401, 'Wrong username or password.']);

    const self = await admin.send('POST', `/api/v1/users/${t.users.administrator.id}/disable`);
    expect([self.statusCode, errorId(self)]).toEqual([409, 'cannot_disable_self']);
    const unknown = await admin.send('POST', '/api/v1/users/00000000-0000-4000-8000-000000000009/disable');
    expect(unknown.statusCode).toBe(404);
  });

  it('a password reset ends the sessions at once; the recovery key sets a new password and granted cases still open', async () => {
    const { id, recoveryKey } = await createUser('rita');
    const report = await submitCase(t, {
      answers: { what_happened: 'A drone films the harbour at night.', danger: 'no' },
    });
    const supervisor = await actor(t, 'supervisor');
    expect((await supervisor.send('POST', `/api/v1/cases/${report.id}/grants`, { userId: id })).statusCode).toBe(201);

    const before = cookieOf(await signIn('rita'));
    const other = cookieOf(await signIn('rita'));
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${report.id}`, headers: { cookie: before } });
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('A drone films the harbour at night.');

    const admin = await actor(t, 'administrator');
    const reset = await admin.send('POST', `/api/v1/users/${id}/password-reset`);
    expect(reset.statusCode).toBe(200);
    expect((reset.json() as { user: { passwordResetPending: boolean } }).user.passwordResetPending).toBe(true);
    for (const cookie of [before, other]) {
      const old = await sessionWith(cookie);
      expect([old.statusCode, errorId(old)]).toEqual([401, 'unauthorized']);
    }

    const oldPassword = await signIn('rita');
    expect([oldPassword.statusCode, errorId(oldPassword), errorMessage(oldPassword)]).toEqual([
      401,
      'password_reset',
      'An administrator has reset your password, so it no longer works. Choose a new one with your recovery key ("Forgot your password?").',
    ]);
    expect(oldPassword.cookies).toEqual([]);
    // A wrong password does not learn that the account was reset.
    const wrong = await signIn('rita', 'not the password at all');
    expect([wrong.statusCode, errorId(wrong)]).toEqual([401, 'unauthorized']);

    const recover = (body: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/session/recover', payload: body });
    const badKey = await recover({
      username: 'rita',
      recoveryKey: 'AAAA BBBB CCCC DDDD EEEE FFFF GGGG HHHH',
      newPassword: NEW_PASSWORD,
    });
    expect([badKey.statusCode, errorMessage(badKey)]).toEqual([401, 'Wrong username or recovery key.']);
    const nobody = await recover({ username: 'nobody', recoveryKey, newPassword: NEW_PASSWORD });
    expect([nobody.statusCode, errorMessage(nobody)]).toEqual([401, 'Wrong username or recovery key.']);
    const weak = await recover({ username: 'rita', recoveryKey, newPassword: 'short' });
    expect([weak.statusCode, errorId(weak)]).toEqual([400, 'weak_password']);

    // Typed in lower case with dashes: still the same key.
    const recovered = await recover({
      username: 'rita',
      recoveryKey: recoveryKey.toLowerCase().replace(/ /g, '-'),
      newPassword: NEW_PASSWORD,
    });
    expect(recovered.statusCode).toBe(200);
    expect((recovered.json() as { user: { username: string } }).user.username).toBe('rita');
    const recoveredCookie = cookieOf(recovered);
    expect((await sessionWith(recoveredCookie)).statusCode).toBe(200);

    expect((await signIn('rita')).statusCode).toBe(401);
    const fresh = await signIn('rita', NEW_PASSWORD);
    expect(fresh.statusCode).toBe(200);
    const readAgain = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${report.id}`,
      headers: { cookie: cookieOf(fresh) },
    });
    expect(readAgain.statusCode).toBe(200);
    expect(readAgain.body).toContain('A drone films the harbour at night.');

    const listed = (await admin.get('/api/v1/users')).json() as {
      users: { id: string; passwordResetPending: boolean }[];
    };
    expect(listed.users.find((u) => u.id === id)!.passwordResetPending).toBe(false);
    const audit = await t.deps.db
      .selectFrom('audit')
      .select(['action', 'actor'])
      .where('subject', '=', `user:${id}`)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'user.create', actor: t.users.administrator.id },
      { action: 'user.invitation_approve', actor: admin2 },
      { action: 'account.activate', actor: id },
      { action: 'user.password_reset', actor: t.users.administrator.id },
      { action: 'account.recover', actor: id },
    ]);
  });

  it('recovery ends the other sessions and still asks for the TOTP code when it is on', async () => {
    const { recoveryKey } = await createUser('tomas');
    const first = await signIn('tomas');
    const headers = { cookie: cookieOf(first), 'x-csrf-token': (first.json() as { csrfToken: string }).csrfToken };
    const started = await t.app.inject({ method: 'POST', url: '/api/v1/account/totp', headers });
    const { secret } = started.json() as { secret: string };
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/v1/account/totp/confirm',
      headers,
      payload: { code: totp.generate({ timestamp: clock }) },
    });
    expect(confirm.statusCode).toBe(200);

    const recover = (code?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/session/recover',
        payload: { username: 'tomas', recoveryKey, newPassword: NEW_PASSWORD, ...(code ? { code } : {}) },
      });
    const noCode = await recover();
    expect([noCode.statusCode, errorId(noCode)]).toEqual([401, 'totp_required']);
    clock += 30_000;
    const ok = await recover(totp.generate({ timestamp: clock }));
    expect(ok.statusCode).toBe(200);
    expect((await sessionWith(headers.cookie)).statusCode).toBe(401);
    expect((await sessionWith(cookieOf(ok))).statusCode).toBe(200);
  });

  it('throttles recovery attempts like sign-in', async () => {
    await createUser('ursula');
    for (let i = 0; i < 10; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session/recover',
        payload: { username: 'ursula', recoveryKey: 'wrong', newPassword: NEW_PASSWORD },
      });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session/recover',
      payload: { username: 'ursula', recoveryKey: 'wrong', newPassword: NEW_PASSWORD },
    });
    expect([blocked.statusCode, errorId(blocked)]).toEqual([429, 'too_many_attempts']);
    // Signing in is a separate count.
    expect((await signIn('ursula')).statusCode).toBe(200);
  });

  it('changes the signed-in user’s password: the current one must be right, and the other sessions end', async () => {
    await createUser('vera');
    const here = await signIn('vera');
    const elsewhere = cookieOf(await signIn('vera'));
    const headers = { cookie: cookieOf(here), 'x-csrf-token': (here.json() as { csrfToken: string }).csrfToken };
    const change = (payload: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/account/password', headers, payload });

    const wrong = await change({ currentPassword: 'not the password at all', newPassword: NEW_PASSWORD });
    expect([wrong.statusCode, errorId(wrong), errorMessage(wrong)]).toEqual([
      400,
      'wrong_password',
      'Your current password is not right. Type it again.',
    ]);
    const weak = await change({ currentPassword: PASSWORD, newPassword: 'short' });
    expect([weak.statusCode, errorId(weak)]).toEqual([400, 'weak_password']);
    expect((await sessionWith(elsewhere)).statusCode).toBe(200);

    const ok = await change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(ok.statusCode).toBe(204);
    expect((await sessionWith(elsewhere)).statusCode).toBe(401);
    expect((await sessionWith(headers.cookie)).statusCode).toBe(200);
    expect((await signIn('vera')).statusCode).toBe(401);
    expect((await signIn('vera', NEW_PASSWORD)).statusCode).toBe(200);
  });
});
