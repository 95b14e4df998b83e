/**
 * Requests that change something, sent from another site, are refused before anything runs: JSON on the API, a
 * page on the public site, and never a 500 for a malformed Origin header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { errorId, errorMessage } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { shownAfter } from '../helpers/forms.ts';

describe.each(DIALECTS)('cross-site requests (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(async () => t?.close());

  const signIn = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { host: 'confide.test', ...headers },
      payload: { username: 'supervisor', password: 'wrong password here' },
    });

  it('refuses them on the API with a JSON error', async () => {
    const attempts: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'not a url' },
    ];
    for (const headers of attempts) {
      const res = await signIn(headers);
      expect(res.statusCode).toBe(403);
      expect(errorId(res)).toBe('cross_site');
      expect(errorMessage(res)).toBe('Requests from other sites are refused.');
    }
  });

  it('lets requests from the same site through', async () => {
    expect((await signIn({ 'sec-fetch-site': 'same-origin', origin: 'http://confide.test' })).statusCode).toBe(401);
    expect((await signIn({ origin: 'http://confide.test' })).statusCode).toBe(401);
  });

  it('refuses Origin: null, which any site can send from a sandboxed frame, unless Fetch Metadata says same-origin', async () => {
    const res = await signIn({ origin: 'null' });
    expect(res.statusCode).toBe(403);
    expect(errorId(res)).toBe('cross_site');
    expect(errorMessage(res)).toBe(
      'Your browser did not say which site this request came from, so it was refused. Go back, reload the page and try again; if this happens again, use an up-to-date browser.',
    );
    const login = await shownAfter(
      t,
      await t.app.inject({
        method: 'POST',
        url: '/follow-up',
        headers: { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'receipt=1',
      }),
    );
    expect(login.statusCode).toBe(403);
    expect(login.body).toContain('Your browser did not say which site this request came from');
    expect((await signIn({ origin: 'null', 'sec-fetch-site': 'same-origin' })).statusCode).toBe(401);
  });

  it('asks browsers for a same-origin referrer policy, so that our own forms send their real origin', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.body).toContain('<meta name="referrer" content="same-origin">');
  });

  it('refuses them on the public site with a page', async () => {
    const res = await shownAfter(
      t,
      await t.app.inject({
        method: 'POST',
        url: '/follow-up',
        headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'receipt=1',
      }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('Requests from other sites are refused.');
  });
});
