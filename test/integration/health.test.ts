/**
 * Health and readiness probes (GET /healthz, GET /readyz): no session, no detail, and readiness that follows the
 * database and the blob store — 503 while either is gone, 200 once it is back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { createPgDatabase, DIALECTS, PG_URL } from '../helpers/db.ts';
import { spawnServer, type ServerProcess } from '../helpers/server.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';

const probe = async (port: number, what: string) => {
  const res = await fetch(`http://127.0.0.1:${port}/${what}`);
  return `${res.status} ${await res.text()}`;
};

describe.each(DIALECTS)('probes on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
  });

  it('answers /healthz and /readyz without a session or detail, and /readyz 503 while the blob store is gone', async () => {
    t = await buildTestApp({ dialect });
    const get = async (url: string) => {
      const res = await t!.app.inject({ method: 'GET', url });
      return { status: res.statusCode, body: res.body, cache: res.headers['cache-control'] };
    };
    expect(await get('/healthz')).toEqual({ status: 200, body: 'ok\n', cache: 'no-store' });
    expect(await get('/readyz')).toEqual({ status: 200, body: 'ready\n', cache: 'no-store' });

    const blobs = path.join(t.dataDir, 'blobs');
    const kept = `${blobs}.kept`;
    fs.renameSync(blobs, kept);
    await expect
      .poll(() => get('/readyz'), { timeout: 10_000, interval: 200 })
      .toEqual({
        status: 503,
        body: 'not ready\n',
        cache: 'no-store',
      });
    expect(await get('/healthz')).toMatchObject({ status: 200 });
    fs.renameSync(kept, blobs);
    await expect.poll(async () => (await get('/readyz')).status, { timeout: 10_000, interval: 200 }).toBe(200);
  });
});

describe.runIf(PG_URL)('readiness of a real server when PostgreSQL stops and returns', () => {
  let server: ServerProcess | undefined;
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    server?.kill();
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('goes 503 when the database stops and 200 when it returns, and logs the cause once', async () => {
    const db = await createPgDatabase();
    cleanup.push(() => db.drop());
    const target = new URL(db.url);
    const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    cleanup.push(() => proxy.stop().catch(() => undefined));
    target.host = `127.0.0.1:${proxy.port}`;
    const dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'confide-ready-'));
    cleanup.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    server = await spawnServer({ DATABASE_URL: target.toString(), CONFIDE_DATA_DIR: dataDir });
    await server.waitFor(/Confide is running/, 60_000);

    expect(await probe(server.port, 'readyz')).toBe('200 ready\n');
    await proxy.stop();
    await expect.poll(() => probe(server!.port, 'readyz'), { timeout: 15_000, interval: 250 }).toBe('503 not ready\n');
    expect(await probe(server.port, 'healthz')).toBe('200 ok\n');
    await proxy.start();
    await expect.poll(() => probe(server!.port, 'readyz'), { timeout: 15_000, interval: 250 }).toBe('200 ready\n');

    const logged = server.lines.filter((l) => /"msg":"(not ready|ready: )/.test(l)).map((l) => JSON.parse(l).msg);
    expect(logged).toEqual(['not ready', 'ready: the database and the blob store answer']);
    expect(server.lines.find((l) => l.includes('"msg":"not ready"'))).toMatch(/"cause":"database: /);
  });
});
