/**
 * Two server processes on loopback sharing one PostgreSQL database and one blob store — a shared folder, or an
 * S3-protocol server — as several nodes behind a load balancer would: a reporter signed in on one node is signed in
 * on the other, a file uploaded through one downloads through the other, each periodic job runs on one node only,
 * and when that node is killed the other takes the work over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addUser } from '../../src/domain/accounts/users.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import { buildDeps } from '../../src/server/deps.ts';
import { PASSWORD, TEST_ARGON2 } from '../helpers/app.ts';
import { ESPIONAGE } from '../helpers/cases.ts';
import { createPgDatabase, PG_URL } from '../helpers/db.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';
import { remoteApp } from '../helpers/remote.ts';
import { startS3Server } from '../helpers/s3.ts';
import { spawnServer, type ServerProcess } from '../helpers/server.ts';

const JOBS = ['deadlines', 'notices', 'sessions', 'retention'];

/** The jobs a node's log says it ran, and those it found held by the other node. */
function jobLines(node: ServerProcess, msg: 'job run' | 'job lease held by another node', since = 0): string[] {
  return node.lines
    .slice(since)
    .filter((l) => l.includes(`"msg":"${msg}"`))
    .map((l) => (JSON.parse(l) as { job: string }).job);
}

describe.runIf(PG_URL).each(['a shared folder', 'an S3-protocol server'])('two nodes with blobs in %s', (store) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('share reporter sessions, files and the periodic jobs (and, with S3, go on when one node is killed)', async () => {
    const db = await createPgDatabase();
    cleanup.push(() => db.drop());
    const folder = (name: string) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `confide-node-${name}-`));
      cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      return dir;
    };
    let blobEnv: Record<string, string>;
    if (store === 'a shared folder') blobEnv = { CONFIDE_BLOB_URL: folder('blobs') };
    else {
      const s3 = await startS3Server();
      cleanup.push(() => s3.close());
      blobEnv = s3.env('blobs');
    }
    const env = (name: string) => ({
      DATABASE_URL: db.url,
      CONFIDE_DATA_DIR: folder(name),
      CONFIDE_LOG_LEVEL: 'debug',
      ...blobEnv,
    });
    const a = await spawnServer(env('a'));
    cleanup.push(() => a.kill());
    await a.waitFor(/Confide is running/, 60_000);
    const b = await spawnServer(env('b'));
    cleanup.push(() => b.kill());
    await b.waitFor(/Confide is running/, 60_000);

    const built = await buildDeps(loadConfig({ ...env('staff'), CONFIDE_LOG_LEVEL: 'silent' }), {
      argon2: TEST_ARGON2,
    });
    for (const role of ['supervisor', 'custodian'] as const)
      await addUser(built.deps, { username: role, role, password: PASSWORD, displayName: `Test ${role}` });
    await built.close();

    // A report with a file, through A.
    const [A, B] = [remoteApp(a.port), remoteApp(b.port)];
    const note = Buffer.from('Gate log, 3 March: a visitor photographed the fence.\n');
    const body = await multipart(
      reportParts({
        category: 'espionage',
        answers: ESPIONAGE,
        files: [{ filename: 'gate.txt', data: note, type: 'text/plain' }],
      }),
    );
    const submitted = await A.app.inject({ method: 'POST', url: '/api/v1/reports', ...body });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { receipt } = submitted.json() as { receipt: string };

    // The reporter signs in on A and reads the report on B.
    const session = await A.app.inject({ method: 'POST', url: '/api/v1/reporter/session', payload: { receipt } });
    expect(session.statusCode).toBe(200);
    const cookie = session.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const seen = await B.app.inject({ method: 'GET', url: '/api/v1/reporter/report', headers: { cookie } });
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain(ESPIONAGE.what_happened);

    // The supervisor, on B, opens the case and downloads the file uploaded through A.
    const sup = await B.signIn('supervisor');
    const list = await B.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie: sup.cookie } });
    const [item] = (list.json() as { items: { id: string }[] }).items;
    const detail = await B.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${item!.id}`,
      headers: { cookie: sup.cookie },
    });
    const [file] = (detail.json() as { files: { id: string; name: string }[] }).files;
    expect(file!.name).toBe('gate.txt');
    const download = await B.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${item!.id}/files/${file!.id}`,
      headers: { cookie: sup.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe(note.toString());

    // Each job's first run: on one node; the other found its lease taken.
    const settled = () =>
      JOBS.every((job) =>
        [a, b].every((n) =>
          [...jobLines(n, 'job run'), ...jobLines(n, 'job lease held by another node')].includes(job),
        ),
      );
    await expect.poll(settled, { timeout: 30_000, interval: 250 }).toBe(true);
    for (const job of JOBS)
      expect([...jobLines(a, 'job run'), ...jobLines(b, 'job run')].filter((j) => j === job)).toEqual([job]);

    // The node that sent notices dies; the other takes them over once the lease it held ends (a minute at most).
    // Leases live in the database whatever the blob store: waiting that minute once (with S3) is enough.
    if (store === 'a shared folder') return;
    const [holder, survivor] = jobLines(a, 'job run').includes('notices') ? [a, b] : [b, a];
    const mark = survivor.lines.length;
    holder.child.kill('SIGKILL');
    await holder.exit(10_000);
    await expect
      .poll(() => jobLines(survivor, 'job run', mark).includes('notices'), { timeout: 90_000, interval: 500 })
      .toBe(true);
    const after = await remoteApp(survivor.port).app.inject({
      method: 'GET',
      url: '/api/v1/reporter/report',
      headers: { cookie },
    });
    expect(after.statusCode).toBe(200);
  }, 180_000);
});

describe.runIf(PG_URL)('a node whose blob store is not the others’', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('refuses to start, naming its store and the fix, instead of failing every file of the other nodes', async () => {
    const db = await createPgDatabase();
    cleanup.push(() => db.drop());
    const dirs = ['a', 'b'].map((name) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `confide-node-${name}-`));
      cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      return dir;
    });
    const a = await spawnServer({ DATABASE_URL: db.url, CONFIDE_DATA_DIR: dirs[0]! });
    cleanup.push(() => a.kill());
    await a.waitFor(/Confide is running/, 60_000);
    const b = await spawnServer({ DATABASE_URL: db.url, CONFIDE_DATA_DIR: dirs[1]! });
    cleanup.push(() => b.kill());
    expect(await b.exit(60_000)).toBe(1);
    expect(b.lines.join('\n')).toContain(
      `Confide could not start: the blob store (the folder ${path.join(dirs[1]!, 'blobs')}) is not the one this database's files are in`,
    );
  });
});
