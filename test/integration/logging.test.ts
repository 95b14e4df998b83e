/** Request logs carry method, route, status and time: never the public's IP address, user agent or a token in a URL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';

describe('request logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await buildTestApp({ logLines: lines });
  });
  afterAll(async () => t?.close());

  it('hold no IP address, user agent, query or path token', async () => {
    const headers = { 'user-agent': 'UA-MARKER/1.0', 'x-forwarded-for': '198.51.100.23' };
    const remoteAddress = '203.0.113.77';
    await t.app.inject({ method: 'GET', url: '/?q=QUERY-MARKER', headers, remoteAddress });
    const body = await multipart(reportParts({ category: 'espionage', answers: { what_happened: 'x', danger: 'no' } }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      ...body,
      headers: { ...body.headers, ...headers },
      remoteAddress,
    });
    expect(res.statusCode).toBe(201);
    await t.app.inject({
      method: 'GET',
      url: '/receipt/TOKENMARKERTOKENMARKERTOKENMARKERTOKENMARKE',
      headers,
      remoteAddress,
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporter/session',
      payload: { receipt: '1234' },
      headers,
      remoteAddress,
    });

    const requests = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(requests.map((r) => [r.method, r.route, r.status])).toEqual([
      ['GET', '/', 200],
      ['POST', '/api/v1/reports', 201],
      ['GET', '/receipt/:token', 410],
      ['POST', '/api/v1/reporter/session', 400],
    ]);
    const all = lines.join('\n');
    for (const secret of [
      'UA-MARKER',
      '198.51.100.23',
      '203.0.113.77',
      'QUERY-MARKER',
      'TOKENMARKER',
      'remoteAddress',
      'remotePort',
      'user-agent',
    ])
      expect([secret, all.includes(secret)]).toEqual([secret, false]);
  });
});
