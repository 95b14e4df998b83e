/**
 * CONFIDE_WORKERS=2 on SQLite: two processes write one database file. Every submission under concurrent load is
 * stored — a deferred transaction used to fail at once with "database is locked" (500) when the other process had
 * written since it began — and SIGTERM stops both workers and the first process with exit code 0.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addUser } from '../../src/domain/accounts/users.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import { buildDeps } from '../../src/server/deps.ts';
import { countContents } from '../../src/store/backup.ts';
import { PASSWORD, TEST_ARGON2 } from '../helpers/app.ts';
import { ESPIONAGE } from '../helpers/cases.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';
import { spawnServer, type ServerProcess } from '../helpers/server.ts';

const SUBMISSIONS = 48;
const CONCURRENCY = 8;

describe('two workers on one SQLite file', () => {
  let server: ServerProcess | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-workers-'));
  afterEach(() => {
    server?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(`store all of ${SUBMISSIONS} submissions sent ${CONCURRENCY} at a time`, async () => {
    const env = { CONFIDE_DATA_DIR: dataDir, CONFIDE_LOG_LEVEL: 'silent' };
    const built = await buildDeps(loadConfig(env), { argon2: TEST_ARGON2 });
    for (const role of ['supervisor', 'custodian'] as const)
      await addUser(built.deps, { username: role, role, password: PASSWORD, displayName: role });
    await built.close();
    server = await spawnServer({ CONFIDE_DATA_DIR: dataDir, CONFIDE_WORKERS: '2' });
    await server.waitFor(/Confide is running with 2 workers/, 60_000);

    const { payload, headers } = await multipart(reportParts({ category: 'espionage', answers: ESPIONAGE }));
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < SUBMISSIONS) {
          next += 1;
          const res = await fetch(`http://127.0.0.1:${server!.port}/api/v1/reports`, {
            method: 'POST',
            headers,
            body: new Uint8Array(payload),
          });
          await res.arrayBuffer();
          statuses.push(res.status);
        }
      }),
    );
    expect(statuses).toEqual(Array.from({ length: SUBMISSIONS }, () => 201));

    server.child.kill('SIGTERM');
    expect(await server.exit(30_000)).toBe(0);
    const after = await buildDeps(loadConfig(env), { argon2: TEST_ARGON2 });
    try {
      expect(await countContents(after.deps.db)).toEqual({ reports: SUBMISSIONS, files: 0 });
    } finally {
      await after.close();
    }
  });
});
