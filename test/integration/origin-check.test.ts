/**
 * Requests that change something, sent from another site, are refused before anything runs: JSON on the API, a
 * page on the public site, and never a 500 for a malformed Origin header.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { errorId, errorMessage } from '../helpers/cases.ts';

describe('cross-site requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect: 'sqlite' });
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
  });

  it('refuses them on the public site with a page', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/follow-up',
      headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'receipt=1',
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('Requests from other sites are refused.');
  });
});
