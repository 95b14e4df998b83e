/**
 * SIGTERM lets a submission in flight finish and be stored, and ends the real server within its bound (issue 8, item 19): an idle keep-alive connection and an upload that
 * stalled mid-body used to keep `app.close()` waiting for ever. Requests that arrive while it closes are answered 503
 * in the API's error shape, and with the error page on the public site.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPgDatabase, DIALECTS } from '../helpers/db.ts';
import { spawnServer, type ServerProcess } from '../helpers/server.ts';
import { addUser } from '../../src/domain/accounts/users.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import { buildDeps } from '../../src/server/deps.ts';
import { countContents } from '../../src/store/backup.ts';
import { PASSWORD, TEST_ARGON2 } from '../helpers/app.ts';
import { ESPIONAGE } from '../helpers/cases.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';

const GRACE_SECONDS = 2;
/** Far beyond the grace period: a server still running by then would have waited for ever. */
const DEADLINE_MS = 30_000;

/** A connection that has sent the first lines of a request's headers, and the rest of it later. */
async function partialRequest(port: number, firstLines: string) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => undefined); // a reset shows as what was received before it
  await new Promise<void>((resolve) => socket.write(firstLines, () => resolve()));
  return {
    /** Sends the blank line that ends the headers; resolves with everything received until the server closes. */
    async finish(): Promise<string> {
      socket.write('\r\n');
      await closed;
      return received;
    },
  };
}

describe.each(DIALECTS)('SIGTERM on %s', (dialect) => {
  let server: ServerProcess | undefined;
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    server?.kill();
    for (const fn of cleanup.splice(0)) await fn();
  });

  it('ends within the grace period with exit code 0, answering late requests 503 in the API shape', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-shutdown-'));
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const pgDb = dialect === 'postgres' ? await createPgDatabase() : null;
    if (pgDb) cleanup.push(() => pgDb.drop());
    server = await spawnServer({
      CONFIDE_DATA_DIR: dataDir,
      CONFIDE_SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
      ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    });
    await server.waitFor(/^Confide is running/, DEADLINE_MS);
    const { port } = server;

    // An upload in flight that stalls: the server has taken its headers (100 Continue) and part of the body.
    const upload = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/reports',
      agent: false,
      headers: {
        'Content-Type': 'multipart/form-data; boundary=b',
        'Content-Length': '1000000',
        Expect: '100-continue',
      },
    });
    upload.on('error', () => undefined); // cut off after the grace period: checked through 'close'
    const uploadClosed = new Promise<void>((resolve) => upload.on('close', () => resolve()));
    upload.flushHeaders();
    await new Promise<void>((resolve) =>
      upload.once('continue', () =>
        upload.write('--b\r\nContent-Disposition: form-data; name="category"\r\n\r\nesp', () => resolve()),
      ),
    );

    // Two requests whose headers are still arriving when the signal comes, one for the API and one for a page.
    const lateApi = await partialRequest(port, 'GET /api/v1/categories HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const latePage = await partialRequest(port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');

    // A keep-alive client, idle after one request. Its answer also shows the server has read everything sent before.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    cleanup.push(() => agent.destroy());
    const keepAlive = await new Promise<{ closed: Promise<void> }>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/categories', agent }, (res) => {
        res.resume();
        res.on('end', () => {
          const socket = req.socket!;
          resolve({ closed: new Promise<void>((closed) => socket.once('close', () => closed())) });
        });
        expect(res.statusCode).toBe(200);
      });
      req.on('error', reject);
    });

    server.child.kill('SIGTERM');
    await server.waitFor(/new requests are answered 503 from now on/, DEADLINE_MS);
    const [api, page] = await Promise.all([lateApi.finish(), latePage.finish()]);
    expect(api).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n/);
    expect(api).toMatch(/\r\nconnection: close\r\n/i);
    expect(
      api.endsWith(
        '\r\n\r\n{"error":{"id":"shutting_down","message":"The server is restarting. Nothing you sent was stored; please try again in a minute."}}',
      ),
    ).toBe(true);
    expect(page).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n/);
    expect(page).toMatch(/\r\ncontent-type: text\/html; charset=utf-8\r\n/i);
    expect(page).toContain(
      '<h1>Not available at the moment</h1>\n<p>The server is restarting. Nothing you sent was stored; please try again in a minute.</p>',
    );

    expect(await server.exit(DEADLINE_MS)).toBe(0);
    await Promise.all([keepAlive.closed, uploadClosed]);
    const logged = server.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { msg: string });
    expect(logged.map((l) => l.msg)).toContain('closing the connections still open after the shutdown grace period');
    expect(logged.map((l) => l.msg)).not.toContain('shutdown did not finish: exiting');
  });

  it('lets a submission in flight at SIGTERM finish and store the report, then exits 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-shutdown-'));
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const pgDb = dialect === 'postgres' ? await createPgDatabase() : null;
    if (pgDb) cleanup.push(() => pgDb.drop());
    const env = { CONFIDE_DATA_DIR: dataDir, ...(pgDb ? { DATABASE_URL: pgDb.url } : {}) };
    const built = await buildDeps(loadConfig({ ...env, CONFIDE_LOG_LEVEL: 'silent' }), { argon2: TEST_ARGON2 });
    for (const role of ['supervisor', 'custodian'] as const)
      await addUser(built.deps, { username: role, role, password: PASSWORD, displayName: role });
    await built.close();
    server = await spawnServer({ ...env, CONFIDE_SHUTDOWN_GRACE_SECONDS: '20' });
    await server.waitFor(/^Confide is running/, DEADLINE_MS);

    const { payload, headers } = await multipart(reportParts({ category: 'espionage', answers: ESPIONAGE }));
    const half = Math.floor(payload.length / 2);
    const request = http.request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: '/api/v1/reports',
      agent: false,
      headers: { ...headers, 'Content-Length': String(payload.length), Expect: '100-continue' },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      request.on('error', reject);
    });
    // 100 Continue: the server has read the headers and is handling the request; only then comes the signal.
    request.flushHeaders();
    await new Promise<void>((resolve) =>
      request.once('continue', () => request.write(payload.subarray(0, half), () => resolve())),
    );

    server.child.kill('SIGTERM');
    await server.waitFor(/new requests are answered 503 from now on/, DEADLINE_MS);
    request.end(payload.subarray(half));
    const { status, body } = await answered;
    expect(status, body).toBe(201);
    expect(JSON.parse(body)).toMatchObject({ receipt: expect.any(String) });
    expect(await server.exit(DEADLINE_MS)).toBe(0);

    const after = await buildDeps(loadConfig({ ...env, CONFIDE_LOG_LEVEL: 'silent' }), { argon2: TEST_ARGON2 });
    try {
      expect(await countContents(after.deps.db)).toEqual({ reports: 1, files: 0 });
    } finally {
      await after.close();
    }
  });
});
