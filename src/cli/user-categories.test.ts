/** `npx confide user categories` as an administrator runs it: a real process, a real data folder. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/confide.js', import.meta.url));
let dataDir: string;

function confide(args: string[], input?: string) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      CONFIDE_DATA_DIR: dataDir,
      CONFIDE_ARGON2_MEMORY_KIB: '1024',
      CONFIDE_ARGON2_TIME_COST: '1',
    },
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe('confide user categories', () => {
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-cli-categories-'));
    expect(
      confide(['user', 'add', '--role', 'supervisor', '--username', 'alice'], 'a long enough password\n').code,
    ).toBe(0);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is listed with its help', () => {
    expect(confide(['user', '--help']).out).toContain('  user categories Set the categories a staff member works on\n');
    const help = confide(['user', 'categories', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(
      /^Usage: npx confide user categories NAME ID\[,ID…\]\n {7}npx confide user categories NAME all\n/,
    );
  });

  it('sets a list of categories, then every category', () => {
    expect(confide(['user', 'categories', 'alice', 'leak, espionage'])).toMatchObject({
      code: 0,
      out: '"alice" works on: espionage, leak.\n',
      err: '',
    });
    expect(confide(['user', 'categories', 'alice', 'all'])).toMatchObject({
      code: 0,
      out: '"alice" works on every category.\n',
    });
  });

  it('refuses unknown categories and users, and missing arguments', () => {
    expect(confide(['user', 'categories', 'alice', 'espionage,nope'])).toMatchObject({
      code: 1,
      err: 'confide user categories: There is no category “nope”. Categories: espionage, cyber-espionage, third-country, leak, self-disclosure, complaint-official.\n',
    });
    expect(confide(['user', 'categories', 'nobody', 'all'])).toMatchObject({
      code: 1,
      err: 'confide user categories: No user "nobody".\n',
    });
    expect(confide(['user', 'categories', 'alice']).code).toBe(2);
    expect(confide(['user', 'categories', 'alice', ' , ']).code).toBe(2);
  });
});
