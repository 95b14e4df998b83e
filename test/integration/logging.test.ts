/** Request logs carry method, route, status and time: never the public's IP address, user agent or a token in a URL. */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
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

  it('logs an upload the client broke off at info, without a stack, and keeps none of it', async () => {
    const body = await multipart(
      reportParts({
        category: 'espionage',
        answers: { what_happened: 'x', danger: 'no' },
        files: [{ filename: 'big.bin', data: Buffer.alloc(300_000, 7) }],
      }),
    );
    const payload = body.payload as Buffer;
    const cut = payload.subarray(0, payload.length - 150_000);
    const blobs = path.join(t.dataDir, 'blobs');
    const blobFiles = () =>
      fs.existsSync(blobs)
        ? fs.readdirSync(blobs, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
        : [];
    const before = blobFiles().length;
    const reports = async () => (await t.deps.db.selectFrom('reports').select('id').execute()).length;
    const reportsBefore = await reports();
    lines.length = 0;

    // The body stops short of its end: answered 400, in words.
    const short = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: cut, headers: body.headers });
    expect([short.statusCode, short.json()]).toEqual([
      400,
      {
        error: {
          id: 'upload_incomplete',
          message:
            'The upload stopped before all of it arrived (the connection was interrupted). Nothing was stored; please send it again.',
        },
      },
    ]);

    // The client disconnects mid-file over a real socket.
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as net.AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${body.headers['content-type']}\r\nContent-Length: ${payload.length}\r\n\r\n`,
        );
        socket.write(cut, () => setTimeout(() => socket.destroy(), 100));
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    await expect.poll(() => lines.filter((l) => l.includes('upload aborted')).length, { timeout: 5000 }).toBe(2);

    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.filter((l) => (l.level as number) >= 40)).toEqual([]);
    expect(logged.filter((l) => l.msg === 'upload aborted by the client').map((l) => [l.level, l.err])).toEqual([
      [30, undefined],
      [30, undefined],
    ]);
    expect(lines.join('\n')).not.toContain('stack');
    expect(await reports()).toBe(reportsBefore);
    await expect.poll(() => blobFiles().length, { timeout: 5000 }).toBe(before);
  });
});
