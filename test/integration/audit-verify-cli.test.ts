/**
 * `npx confide audit verify` through the real CLI, on both databases: it creates nothing (no data folder, no SQLite
 * file, no file store) and refuses when there is no database; it prints the head (last entry's number and hash) to
 * write down elsewhere, and `--expect-head` finds what the chain alone cannot: the newest entries removed. `--file`
 * on an empty export fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { cliDatabaseLine } from '../helpers/cli.ts';
import { DIALECTS } from '../helpers/db.ts';

const BIN = fileURLToPath(new URL('../../bin/confide.js', import.meta.url));

function confide(args: string[], env: Record<string, string>) {
  const res = spawnSync(process.execPath, [BIN, 'audit', 'verify', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-verify-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('audit verify without a database', () => {
  it('refuses with exit 2 and creates nothing', () => {
    const dataDir = path.join(tmp, 'nothing-here');
    expect(confide([], { CONFIDE_DATA_DIR: dataDir })).toEqual({
      code: 2,
      out: '',
      err: `There is no Confide database at ${path.join(dataDir, 'confide.sqlite')}. Set CONFIDE_DATA_DIR to the data folder of the installation (or DATABASE_URL for PostgreSQL) and run the command again. Nothing was created. (A new installation is made by starting the server, or by \`npx confide migrate\`.)\n`,
    });
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('fails on an empty export, saying it holds no entries', () => {
    const file = path.join(tmp, 'empty.ndjson');
    fs.writeFileSync(file, '');
    expect(confide(['--file', file], { CONFIDE_DATA_DIR: path.join(tmp, 'unused') })).toEqual({
      code: 1,
      out: '',
      err: `The export "${file}" holds no entries: download it again, or choose a range with entries.\n`,
    });
    expect(fs.existsSync(path.join(tmp, 'unused'))).toBe(false);
  });

  it('refuses a malformed --expect-head', () => {
    expect(confide(['--expect-head', '6'], { CONFIDE_DATA_DIR: path.join(tmp, 'unused') })).toMatchObject({
      code: 2,
      err: '--expect-head takes SEQ:HASH, the head an earlier run printed: a sequence number, a colon and 64 hexadecimal digits.\n',
    });
  });
});

describe.each(DIALECTS)('audit verify on %s', (dialect) => {
  let t: TestApp;
  let env: Record<string, string>;
  /** The line saying which database the command opened. */
  let database: string;
  /** A data folder that must stay empty: with DATABASE_URL, the command must not make a file store in it. */
  let spareDir: string;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    spareDir = fs.mkdtempSync(path.join(tmp, 'spare-'));
    env =
      dialect === 'postgres'
        ? { CONFIDE_DATA_DIR: spareDir, DATABASE_URL: t.databaseUrl! }
        : { CONFIDE_DATA_DIR: t.dataDir };
    database = cliDatabaseLine(t);
  });
  afterAll(async () => t?.close());

  const entry = (seq: number) =>
    t.deps.db.selectFrom('audit').select(['seq', 'hash']).where('seq', '=', seq).executeTakeFirstOrThrow();

  it('prints the head, checks it later, and finds the newest entries removed', async () => {
    // The test app created six users: six entries. Its file store goes, to show the command makes none.
    if (dialect === 'sqlite') fs.rmSync(path.join(t.dataDir, 'blobs'), { recursive: true, force: true });
    const six = await entry(6);
    const whole = confide([], env);
    expect(whole).toEqual({
      code: 0,
      err: database,
      out: `The audit log is whole: 6 entries, each linked to the one before.\nHead: 6:${six.hash}\nWrite the head down somewhere else; a later run with --expect-head and it shows whether the newest entries were removed.\n`,
    });
    expect(fs.readdirSync(spareDir)).toEqual([]);
    if (dialect === 'sqlite') expect(fs.existsSync(path.join(t.dataDir, 'blobs'))).toBe(false);

    expect(confide(['--expect-head', `6:${six.hash.toUpperCase()}`], env)).toEqual({
      code: 0,
      err: database,
      out: `The audit log is whole: 6 entries, each linked to the one before.\nHead: 6:${six.hash}\nEntry 6 still has the hash written down, and every entry after it is linked to it.\n`,
    });
    const four = await entry(4);
    expect(confide(['--expect-head', `4:${four.hash}`], env).code).toBe(0);

    // Someone deletes the newest entry: what is left is still a whole chain, but not the head written down.
    await t.deps.db.deleteFrom('audit').where('seq', '=', 6).execute();
    const five = await entry(5);
    expect(confide([], env)).toMatchObject({ code: 0, out: expect.stringContaining(`Head: 5:${five.hash}\n`) });
    expect(confide(['--expect-head', `6:${six.hash}`], env)).toEqual({
      code: 1,
      out: `The audit log is whole: 5 entries, each linked to the one before.\nHead: 5:${five.hash}\n`,
      err: `${database}The audit log does not match the head written down: the log ends at entry 5, but entry 6 was written down: the newest entries, from 6 on, were removed.\n`,
    });
    // A head that does not match the entry of that number.
    expect(confide(['--expect-head', `4:${'0'.repeat(64)}`], env)).toMatchObject({
      code: 1,
      err: `${database}The audit log does not match the head written down: entry 4 no longer has the hash written down (it has ${four.hash}): the log was rewritten from that entry on, or before it.\n`,
    });

    // Every entry removed.
    await t.deps.db.deleteFrom('audit').execute();
    expect(confide([], env)).toEqual({
      code: 1,
      out: '',
      err: `${database}The audit log holds no entries. A Confide installation that has been set up always has some: if this one was, its log was emptied.\n`,
    });
    expect(fs.readdirSync(spareDir)).toEqual([]);
  });
});
