/**
 * The staff sign-in lockout under parallel attack (issue 8 item 4): every attempt is counted before its secret is
 * checked, so of 40 wrong passwords sent at once exactly ten are checked and the rest refused unchecked, and of 30
 * wrong TOTP codes sent at once with the right password no more than ten are checked. The right password stays
 * refused until the window ends; `npx confide user unlock` lifts the lockout at once.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { actor, errorId } from '../helpers/cases.ts';
import { cliDatabaseLine } from '../helpers/cli.ts';
import { DIALECTS } from '../helpers/db.ts';

const BIN = fileURLToPath(new URL('../../bin/confide.js', import.meta.url));

describe.each(DIALECTS)('sign-in lockout under parallel attempts (%s)', (dialect) => {
  let t: TestApp;
  let clock = Date.parse('2026-03-02T10:00:00.000Z');
  beforeAll(async () => {
    t = await buildTestApp({ dialect, now: () => new Date(clock) });
  });
  afterAll(async () => t?.close());

  const signIn = (username: string, password: string, code?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username, password, ...(code ? { code } : {}) },
    });
  const statuses = (responses: { statusCode: number }[]) => {
    const count: Record<number, number> = {};
    for (const r of responses) count[r.statusCode] = (count[r.statusCode] ?? 0) + 1;
    return count;
  };
  const checkedAttempts = async (userId: string) =>
    (
      await t.deps.db
        .selectFrom('audit')
        .select('action')
        .where('actor', '=', userId)
        .where('action', '=', 'session.failed')
        .execute()
    ).length;

  it('checks exactly ten of 40 parallel wrong passwords; the right one stays refused until the window ends or an unlock', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn('handler', `wrong password number ${i}`)),
    );
    expect(statuses(results)).toEqual({ 401: 10, 429: 30 });
    expect(await checkedAttempts(t.users.handler.id)).toBe(10);
    for (const r of results.filter((x) => x.statusCode === 429))
      expect(r.json()).toEqual({
        error: { id: 'too_many_attempts', message: 'Too many attempts. Please wait 15 minutes and try again.' },
      });

    clock += 14 * 60_000;
    const right = await signIn('handler', PASSWORD);
    expect([right.statusCode, errorId(right)]).toEqual([429, 'too_many_attempts']);
    expect(await checkedAttempts(t.users.handler.id)).toBe(10);

    // What an administrator runs on the server.
    const unlock = spawnSync(process.execPath, [BIN, 'user', 'unlock', 'handler'], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        CONFIDE_DATA_DIR: t.dataDir,
        ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}),
      },
    });
    expect([unlock.status, unlock.stderr]).toEqual([0, cliDatabaseLine(t)]);
    expect((await signIn('handler', PASSWORD)).statusCode).toBe(200);
  });

  it('the window ending lifts the lockout too', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => signIn('custodian', 'not the password')));
    expect(statuses(results)).toEqual({ 401: 10, 429: 2 });
    clock += 15 * 60_000 + 1000;
    expect((await signIn('custodian', PASSWORD)).statusCode).toBe(200);
  });

  it('checks at most ten of 30 parallel wrong TOTP codes sent with the right password', async () => {
    const sup = await actor(t, 'supervisor');
    const started = await sup.send('POST', '/api/v1/account/totp');
    const totp = new TOTP({ secret: Secret.fromBase32((started.json() as { secret: string }).secret) });
    const right = () => totp.generate({ timestamp: clock });
    expect((await sup.send('POST', '/api/v1/account/totp/confirm', { code: right() })).statusCode).toBe(200);
    clock += 30_000;
    const wrong = String((Number(right()) + 500_000) % 1_000_000).padStart(6, '0');

    const results = await Promise.all(Array.from({ length: 30 }, () => signIn('supervisor', PASSWORD, wrong)));
    const count = statuses(results);
    expect(count[200]).toBeUndefined();
    expect(count[401]).toBe(10);
    expect(count[429]).toBe(20);
    const failed = await t.deps.db
      .selectFrom('audit')
      .select('reason')
      .where('actor', '=', t.users.supervisor.id)
      .where('action', '=', 'session.failed')
      .execute();
    expect(failed).toEqual(Array(10).fill({ reason: 'totp' }));
    // The right password and the right code are refused too until the window ends.
    const locked = await signIn('supervisor', PASSWORD, right());
    expect([locked.statusCode, errorId(locked)]).toEqual([429, 'too_many_attempts']);
  });
});
