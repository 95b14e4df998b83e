/**
 * `npx confide` run with settings that name no installation (issue 8, item 16): it used to make a new, empty database
 * and work on that. It refuses, naming the database it looked at (never a password), and creates nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDatabase, DIALECTS } from '../helpers/db.ts';

const BIN = fileURLToPath(new URL('../../bin/confide.js', import.meta.url));

describe.each(DIALECTS)('the CLI on %s without an installation', (dialect) => {
  let dataDir: string;
  let pgDb: { url: string; drop(): Promise<void> } | null = null;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-cli-none-'));
    if (dialect === 'postgres') pgDb = await createPgDatabase();
  });
  afterAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await pgDb?.drop();
  });

  const confide = (args: string[]) => {
    const res = spawnSync(process.execPath, [BIN, ...args], {
      input: 'a long enough password\n',
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', CONFIDE_DATA_DIR: dataDir, ...(pgDb ? { DATABASE_URL: pgDb.url } : {}) },
    });
    return { code: res.status, out: res.stdout, err: res.stderr };
  };

  it('refuses every command that needs one, and creates nothing', async () => {
    const url = pgDb ? new URL(pgDb.url) : null;
    const refusal = url
      ? `The PostgreSQL database ${url.username}@${url.hostname}:${url.port}${url.pathname} holds no Confide installation. Set DATABASE_URL to the database the server uses`
      : `There is no Confide database at ${path.join(dataDir, 'confide.sqlite')}. Set CONFIDE_DATA_DIR to the data folder of the installation (or DATABASE_URL for PostgreSQL)`;
    for (const args of [
      ['user', 'add', '--role', 'supervisor', '--username', 'alice'],
      ['user', 'disable', 'alice'],
      ['user', 'categories', 'alice', 'all'],
      ['retention', 'run'],
      ['audit', 'verify'],
    ])
      expect([args.join(' '), confide(args)]).toEqual([
        args.join(' '),
        {
          code: 2,
          out: '',
          err: `${refusal} and run the command again. Nothing was created. (A new installation is made by starting the server, or by \`npx confide migrate\`.)\n`,
        },
      ]);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    if (pgDb) {
      const client = new pg.Client({ connectionString: pgDb.url });
      await client.connect();
      const tables = await client.query(
        "select table_name from information_schema.tables where table_schema = 'public'",
      );
      await client.end();
      expect(tables.rows).toEqual([]);
    }
  });
});
