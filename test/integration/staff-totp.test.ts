/**
 * Two-factor sign-in for staff (TOTP, RFC 6238) through the API, at the app's own clock: set-up from the account,
 * the code asked for only after a right password, ±1 step of drift, each code accepted once, the sign-in throttle,
 * turning it off with a current code, roles that must use it, and an administrator clearing it after a lost phone.
 * Codes are computed here with otpauth from the secret the set-up returns, as an authenticator app would.
 */
import { Secret, TOTP } from 'otpauth';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { actor, errorId, errorMessage, type Actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';

const START = Date.parse('2026-03-02T10:00:00.000Z'); // a step boundary (30 s)
const STEP = 30_000;

describe.each(DIALECTS)('staff two-factor sign-in (%s)', (dialect) => {
  let t: TestApp | undefined;
  let clock = START;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const build = async (env: Record<string, string> = {}) => {
    clock = START;
    t = await buildTestApp({ dialect, now: () => new Date(clock), env });
    return t;
  };
  const signIn = (app: TestApp, username: string, extra: Record<string, string> = {}) =>
    app.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: PASSWORD, ...extra } });
  const codeAt = (secret: string, ms: number) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: ms });

  /** Sets TOTP up for a signed-in user and confirms it with the code of the current step. @returns the secret */
  async function enrol(user: Actor): Promise<string> {
    const started = await user.send('POST', '/api/v1/account/totp');
    expect(started.statusCode).toBe(200);
    const { secret } = started.json() as { secret: string };
    const confirmed = await user.send('POST', '/api/v1/account/totp/confirm', { code: codeAt(secret, clock) });
    expect(confirmed.statusCode).toBe(200);
    return secret;
  }

  it('sets TOTP up from the account page and then asks for a code after the password, once per code', async () => {
    const app = await build();
    const handler = await actor(app, 'handler');
    expect((await handler.get('/api/v1/account')).json()).toEqual({
      totp: { enabled: false, pending: false, required: false },
      language: null,
    });

    const started = await handler.send('POST', '/api/v1/account/totp');
    expect(started.statusCode).toBe(200);
    const enrolment = started.json() as { uri: string; secret: string; qrUrl: string };
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.uri).toBe(
      `otpauth://totp/Confide:handler?issuer=Confide&secret=${enrolment.secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(enrolment.qrUrl).toBe('/api/v1/account/totp/qr.svg');
    expect((await handler.get('/api/v1/account')).json()).toEqual({
      totp: { enabled: false, pending: true, required: false },
      language: null,
    });

    const qr = await handler.get(enrolment.qrUrl);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(qr.headers['cache-control']).toBe('no-store');
    expect(qr.headers['content-security-policy']).toContain("img-src 'self'");
    expect(qr.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);

    // Not on until a code from the app confirms it; the secret is stored only sealed.
    const row = await app.deps.db
      .selectFrom('users')
      .select(['totp_sealed_secret', 'totp_enabled_at'])
      .where('username', '=', 'handler')
      .executeTakeFirstOrThrow();
    expect(row.totp_enabled_at).toBeNull();
    expect(row.totp_sealed_secret).toHaveLength(20 + 48);
    expect(row.totp_sealed_secret!.includes(Buffer.from(enrolment.secret))).toBe(false);
    expect((await signIn(app, 'handler')).statusCode).toBe(200);

    const wrong = await handler.send('POST', '/api/v1/account/totp/confirm', {
      code: codeAt(enrolment.secret, clock + 5 * STEP),
    });
    expect([wrong.statusCode, errorId(wrong)]).toEqual([400, 'totp_invalid']);
    const firstCode = codeAt(enrolment.secret, clock);
    const confirmed = await handler.send('POST', '/api/v1/account/totp/confirm', { code: firstCode });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ enabled: true, pending: false, required: false });
    expect((await handler.get(enrolment.qrUrl)).statusCode).toBe(404);
    expect(errorId(await handler.send('POST', '/api/v1/account/totp'))).toBe('totp_already_enabled');

    // A wrong password is refused as before: nothing says TOTP is on.
    const badPassword = await app.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'handler', password: 'not the password at all' },
    });
    expect([badPassword.statusCode, errorMessage(badPassword)]).toEqual([401, 'Wrong username or password.']);

    const noCode = await signIn(app, 'handler');
    expect([noCode.statusCode, errorId(noCode), errorMessage(noCode)]).toEqual([
      401,
      'totp_required',
      'Enter the 6-digit code from your authenticator app.',
    ]);
    expect(noCode.cookies).toEqual([]);
    const wrongCode = await signIn(app, 'handler', { code: codeAt(enrolment.secret, clock + 3 * STEP) });
    expect([wrongCode.statusCode, errorId(wrongCode), errorMessage(wrongCode)]).toEqual([
      401,
      'totp_invalid',
      'That code is not right. Enter the 6-digit code your authenticator app shows now.',
    ]);
    // The code that confirmed the set-up has been used.
    const reused = await signIn(app, 'handler', { code: firstCode });
    expect([reused.statusCode, errorMessage(reused)]).toEqual([
      401,
      'That code has been used already. Wait for the next code in your authenticator app and enter it.',
    ]);

    clock += STEP;
    const next = codeAt(enrolment.secret, clock);
    const ok = await signIn(app, 'handler', { code: `${next.slice(0, 3)} ${next.slice(3)}` });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { totp: unknown }).totp).toEqual({ enabled: true, pending: false, required: false });
    const cookie = ok.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await app.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie } })).statusCode).toBe(200);
    expect(errorId(await signIn(app, 'handler', { code: next }))).toBe('totp_invalid');
  });

  it('allows one step of clock drift either way, never two, and never a step before the last one used', async () => {
    const app = await build();
    const secret = await enrol(await actor(app, 'handler'));
    clock += 10 * STEP;
    // The phone runs a step ahead: accepted.
    expect((await signIn(app, 'handler', { code: codeAt(secret, clock + STEP) })).statusCode).toBe(200);
    // The current step's code is older than the one just used: refused although it is in the window.
    const older = await signIn(app, 'handler', { code: codeAt(secret, clock) });
    expect([older.statusCode, errorId(older)]).toEqual([401, 'totp_invalid']);
    clock += 10 * STEP;
    // A step behind: accepted; two steps either way: refused.
    expect((await signIn(app, 'handler', { code: codeAt(secret, clock - 2 * STEP) })).statusCode).toBe(401);
    expect((await signIn(app, 'handler', { code: codeAt(secret, clock + 2 * STEP) })).statusCode).toBe(401);
    expect((await signIn(app, 'handler', { code: codeAt(secret, clock - STEP) })).statusCode).toBe(200);
  });

  it('counts wrong codes against the sign-in throttle: the eleventh try is refused even with the right code', async () => {
    const app = await build();
    const secret = await enrol(await actor(app, 'handler'));
    clock += STEP;
    for (let i = 0; i < 10; i++)
      expect((await signIn(app, 'handler', { code: codeAt(secret, clock + 7 * STEP) })).statusCode).toBe(401);
    const blocked = await signIn(app, 'handler', { code: codeAt(secret, clock) });
    expect([blocked.statusCode, errorId(blocked)]).toEqual([429, 'too_many_attempts']);
    clock += 15 * 60_000 + 1000;
    expect((await signIn(app, 'handler', { code: codeAt(secret, clock) })).statusCode).toBe(200);
  });

  it('turns TOTP off only with a current code; then the password alone signs in', async () => {
    const app = await build();
    const handler = await actor(app, 'handler');
    const secret = await enrol(handler);
    clock += STEP;
    const wrong = await handler.send('POST', '/api/v1/account/totp/disable', {
      code: codeAt(secret, clock - 5 * STEP),
    });
    expect([wrong.statusCode, errorId(wrong)]).toEqual([400, 'totp_invalid']);
    const off = await handler.send('POST', '/api/v1/account/totp/disable', { code: codeAt(secret, clock) });
    expect([off.statusCode, off.json()]).toEqual([200, { enabled: false, pending: false, required: false }]);
    expect(errorId(await handler.send('POST', '/api/v1/account/totp/disable', { code: '123456' }))).toBe(
      'totp_not_enabled',
    );
    expect((await signIn(app, 'handler')).statusCode).toBe(200);
    const audit = await app.deps.db
      .selectFrom('audit')
      .select('action')
      .where('action', 'like', 'account.totp.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['account.totp.start', 'account.totp.enable', 'account.totp.disable']);
  });

  it('lets a user of a role that must use TOTP sign in only to set it up; every other staff route answers 403', async () => {
    const app = await build({ CONFIDE_TOTP_REQUIRED_ROLES: 'handler,administrator' });
    const res = await signIn(app, 'handler');
    expect(res.statusCode).toBe(200);
    expect((res.json() as { totp: unknown }).totp).toEqual({ enabled: false, pending: false, required: true });
    const handler = await actor(app, 'handler');
    const cases = await handler.get('/api/v1/cases');
    expect([cases.statusCode, errorId(cases), errorMessage(cases)]).toEqual([
      403,
      'totp_enrolment_required',
      'Your role signs in with a code from an authenticator app as well as the password. Set it up on your Account page first.',
    ]);
    expect(errorId(await handler.get('/api/v1/cases/search?q=gate'))).toBe('totp_enrolment_required');
    const post = await handler.send('POST', '/api/v1/cases/00000000-0000-4000-8000-000000000001/messages', {
      body: 'x',
      visibility: 'internal',
    });
    expect([post.statusCode, errorId(post)]).toEqual([403, 'totp_enrolment_required']);
    expect((await handler.get('/api/v1/account')).statusCode).toBe(200);
    const session = await handler.get('/api/v1/session');
    expect((session.json() as { totp: unknown }).totp).toEqual({ enabled: false, pending: false, required: true });

    const secret = await enrol(handler);
    expect((await handler.get('/api/v1/cases')).statusCode).toBe(200);
    expect(((await handler.get('/api/v1/session')).json() as { totp: unknown }).totp).toEqual({
      enabled: true,
      pending: false,
      required: true,
    });
    clock += STEP;
    expect(errorId(await signIn(app, 'handler'))).toBe('totp_required');
    expect((await signIn(app, 'handler', { code: codeAt(secret, clock) })).statusCode).toBe(200);

    // Turning it off puts the user back to "set it up first".
    clock += STEP;
    expect(
      (await handler.send('POST', '/api/v1/account/totp/disable', { code: codeAt(secret, clock) })).statusCode,
    ).toBe(200);
    expect(errorId(await handler.get('/api/v1/cases'))).toBe('totp_enrolment_required');

    // A role not listed works as before.
    const supervisor = await actor(app, 'supervisor');
    expect((await supervisor.get('/api/v1/cases')).statusCode).toBe(200);
  });

  it('lets an administrator clear a lost TOTP: the user’s sessions end and the password alone signs in again', async () => {
    const app = await build();
    const handler = await actor(app, 'handler');
    await enrol(handler);
    const admin = await actor(app, 'administrator');
    const res = await admin.send('POST', `/api/v1/users/${app.users.handler.id}/totp-reset`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as { user: { totpEnabled: boolean } }).user.totpEnabled).toBe(false);
    const old = await handler.get('/api/v1/session');
    expect([old.statusCode, errorId(old)]).toEqual([401, 'unauthorized']);
    expect((await signIn(app, 'handler')).statusCode).toBe(200);
    const audit = await app.deps.db
      .selectFrom('audit')
      .select(['actor', 'subject'])
      .where('action', '=', 'user.totp_reset')
      .execute();
    expect(audit).toEqual([{ actor: app.users.administrator.id, subject: `user:${app.users.handler.id}` }]);
  });
});
