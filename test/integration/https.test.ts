/**
 * HTTPS behind a TLS proxy: with an https public URL every response carries Strict-Transport-Security and every
 * session cookie the Secure flag, whatever the proxy forwards; X-Forwarded-Proto counts only from a proxy named in
 * CONFIDE_TRUST_PROXY.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';

const HSTS = 'max-age=63072000';
const PROXY = '10.1.2.3';

/** The Secure flag of the cookie a staff sign-in sets, and the HSTS header of its answer. */
async function staffSignIn(t: TestApp, headers: Record<string, string> = {}, remoteAddress = PROXY) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    headers,
    remoteAddress,
    payload: { username: 'supervisor', password: PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return { secure: res.cookies[0]?.secure ?? false, hsts: res.headers['strict-transport-security'] };
}

describe.each(DIALECTS)('HTTPS (%s)', (dialect) => {
  describe('with an https public URL', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp({ dialect, env: { CONFIDE_PUBLIC_URL: 'https://report.example' } });
    });
    afterAll(async () => t?.close());

    it('sends HSTS on public pages, the API, assets and errors, though the proxy speaks plain HTTP to it', async () => {
      for (const url of ['/', '/follow-up', '/assets/site.css', '/api/v1/categories', '/no-such-page'])
        expect((await t.app.inject({ method: 'GET', url })).headers['strict-transport-security'], url).toBe(HSTS);
    });

    it('marks the staff and reporter cookies Secure', async () => {
      expect(await staffSignIn(t)).toEqual({ secure: true, hsts: HSTS });
      const { receipt } = await submitCase(t);
      const res = await t.app.inject({
        method: 'POST',
        url: '/follow-up',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `receipt=${encodeURIComponent(receipt)}`,
      });
      expect(res.statusCode).toBe(303);
      expect(res.cookies.map((c) => [c.name, c.secure, c.httpOnly, c.sameSite])).toEqual([
        ['confide_reporter', true, true, 'Strict'],
      ]);
    });
  });

  describe('with an http public URL behind a trusted proxy', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp({ dialect, env: { CONFIDE_TRUST_PROXY: PROXY } });
    });
    afterAll(async () => t?.close());

    it('believes X-Forwarded-Proto from the proxy', async () => {
      expect(await staffSignIn(t, { 'x-forwarded-proto': 'https' })).toEqual({ secure: true, hsts: HSTS });
    });

    it('ignores it from anyone else, and sends neither without it', async () => {
      expect(await staffSignIn(t, { 'x-forwarded-proto': 'https' }, '203.0.113.9')).toEqual({
        secure: false,
        hsts: undefined,
      });
      expect(await staffSignIn(t)).toEqual({ secure: false, hsts: undefined });
    });
  });

  describe('without a trusted proxy', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp({ dialect });
    });
    afterAll(async () => t?.close());

    it('ignores X-Forwarded-Proto', async () => {
      expect(await staffSignIn(t, { 'x-forwarded-proto': 'https' })).toEqual({ secure: false, hsts: undefined });
    });
  });
});
