/**
 * Prometheus metrics: for the token's bearer only on the main port (404 otherwise, as for any unknown address), on a
 * listener of their own, added up across worker processes — and never a case id, receipt, reference or raw path.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { spawnServer, type ServerProcess } from '../helpers/server.ts';

const TOKEN = 'm'.repeat(20) + randomUUID().replaceAll('-', '');

/** The value of one sample line (`name{labels} value`), 0 when absent. */
function sample(text: string, line: string): number {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : 0;
}

describe.each(DIALECTS)('metrics on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
  });

  it('answers only the token, counts by route pattern and channel, and names no case', async () => {
    t = await buildTestApp({ dialect, env: { CONFIDE_METRICS_TOKEN: TOKEN } });
    const scrape = (authorization?: string) =>
      t!.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
    expect((await scrape()).statusCode).toBe(404);
    expect((await scrape(`Bearer ${TOKEN}x`)).statusCode).toBe(404);
    const first = await scrape(`Bearer ${TOKEN}`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);

    const { receipt, id, reference } = await submitCase(t);
    const missing = randomUUID();
    const sup = await t.signIn('supervisor');
    const notFound = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${missing}`,
      headers: { cookie: sup.cookie },
    });
    expect(notFound.statusCode).toBe(404);

    const text = (await scrape(`Bearer ${TOKEN}`)).body;
    const web = 'confide_submissions_total{channel="web"}';
    expect(sample(text, web) - sample(first.body, web)).toBe(1);
    const notFoundLine = 'confide_http_requests_total{method="GET",route="/api/v1/cases/:id",status="404"}';
    expect(sample(text, notFoundLine) - sample(first.body, notFoundLine)).toBe(1);
    expect(sample(text, 'confide_queue_size{queue="reports_untriaged"}')).toBe(1);
    for (const secret of [receipt, id, reference, missing, sup.cookie.split('=')[1]!])
      expect(text).not.toContain(secret);
  });
});

describe('metrics of a server with two workers', () => {
  let server: ServerProcess | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-metrics-'));
  afterEach(() => {
    server?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves every worker’s metrics, added up, on the metrics port, and stops on SIGTERM', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const metricsPort = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    server = await spawnServer({
      CONFIDE_DATA_DIR: dataDir,
      CONFIDE_WORKERS: '2',
      CONFIDE_METRICS_PORT: String(metricsPort),
    });
    await server.waitFor(/Confide is running with 2 workers/, 60_000);
    for (let i = 0; i < 6; i++) expect((await fetch(`http://127.0.0.1:${server.port}/readyz`)).status).toBe(200);
    const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(sample(text, 'confide_http_requests_total{method="GET",route="/readyz",status="200"}')).toBe(6);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/other`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(404);

    server.child.kill('SIGTERM');
    expect(await server.exit(30_000)).toBe(0);
  });
});
