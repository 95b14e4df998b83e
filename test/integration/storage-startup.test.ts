/**
 * Starting on storage that takes no writes (issue 8, item 20) prints what is wrong and how to fix it, without a stack
 * trace, and exits 1. File modes bind only an unprivileged server: when the tests run as root, the server runs as
 * `nobody` (as it should in production), on folders it does not own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPgDatabase, DIALECTS, PG_URL } from '../helpers/db.ts';
import { spawnServer, type ServerProcess } from '../helpers/server.ts';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
/** The user the server runs as: nobody when the tests run as root, else the tests' own user. */
const serverUser = asRoot ? { uid: NOBODY } : {};
const DEADLINE_MS = 30_000;

/** Makes `dir` a folder the server's user can read but not write. */
function lock(dir: string): void {
  if (asRoot) fs.chownSync(dir, 0, 0);
  fs.chmodSync(dir, 0o555);
}

/** A folder the server's user owns, inside a world-readable one, removed after the test. */
function ownFolder(cleanup: (() => unknown)[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-ro-'));
  fs.chmodSync(root, 0o755);
  cleanup.push(() => fs.rmSync(root, { recursive: true, force: true }));
  const dir = path.join(root, 'data');
  fs.mkdirSync(dir, { mode: 0o700 });
  if (asRoot) fs.chownSync(dir, NOBODY, NOBODY);
  return dir;
}

async function failedStart(env: Record<string, string>) {
  const server = await spawnServer(env, serverUser);
  const code = await server.exit(DEADLINE_MS);
  server.kill();
  return { code, output: server.lines.join('\n') };
}

describe.each(DIALECTS)('starting on storage that takes no writes, on %s', (dialect) => {
  const cleanup: (() => unknown)[] = [];
  let pgUrl: Record<string, string> = {};
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  async function database() {
    if (dialect !== 'postgres') return;
    const db = await createPgDatabase();
    cleanup.push(() => db.drop());
    pgUrl = { DATABASE_URL: db.url };
    return db.url;
  }

  it('explains a data folder it cannot write, without a stack trace', async () => {
    await database();
    const dataDir = ownFolder(cleanup);
    lock(dataDir);
    const { code, output } = await failedStart({ CONFIDE_DATA_DIR: dataDir, ...pgUrl });
    expect(code).toBe(1);
    expect(output).toContain(
      `Confide could not start: the data folder ${dataDir} (CONFIDE_DATA_DIR) cannot be written (`,
    );
    expect(output).toContain(
      'Make the folder and everything in it writable by the user Confide runs as (for example `chown -R confide: ',
    );
    expect(output).not.toMatch(/^\s+at /m);
  });

  it('explains a deployment whose storage turned read-only since it last ran', async () => {
    const url = await database();
    const dataDir = ownFolder(cleanup);
    let server: ServerProcess | undefined = await spawnServer({ CONFIDE_DATA_DIR: dataDir, ...pgUrl }, serverUser);
    await server.waitFor(/^Confide is running/, DEADLINE_MS);
    server.child.kill('SIGTERM');
    expect(await server.exit(DEADLINE_MS)).toBe(0);
    server = undefined;

    if (url) {
      // A standby, or an operator's ALTER DATABASE: starting writes (the first-start secret's insert) and is refused.
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`ALTER DATABASE ${new URL(url).pathname.slice(1)} SET default_transaction_read_only = on`);
      await admin.end();
    } else lock(dataDir);

    const { code, output } = await failedStart({ CONFIDE_DATA_DIR: dataDir, ...pgUrl });
    expect(code).toBe(1);
    expect(output).toContain(
      url
        ? 'Confide could not start: the database named by DATABASE_URL takes no writes (25006: cannot execute INSERT in a read-only transaction).'
        : `Confide could not start: the data folder ${dataDir} (CONFIDE_DATA_DIR) cannot be written (`,
    );
    expect(output).not.toMatch(/^\s+at /m);
  });
});
