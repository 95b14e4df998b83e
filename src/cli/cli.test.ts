/** `npx confide` as an administrator runs it: a real process, a real data folder. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliOnFreshData } from '../../test/helpers/cli.ts';

describe('confide CLI', () => {
  const { run: confide, config } = cliOnFreshData('confide-cli-', {}, { empty: true });
  const database = () => `Database: SQLite ${path.join(config().CONFIDE_DATA_DIR!, 'confide.sqlite')}\n`;

  it('prints help for the tool and for every command', () => {
    const top = confide(['--help']);
    expect(top.code).toBe(0);
    expect(top.out).toContain('user add');
    expect(top.out).toContain('user disable');
    expect(top.out).toContain('migrate');
    for (const cmd of [['user', 'add'], ['user', 'disable'], ['migrate']]) {
      const r = confide([...cmd, '--help']);
      expect([cmd.join(' '), r.code]).toEqual([cmd.join(' '), 0]);
      expect(r.out).toMatch(/^Usage: npx confide /);
    }
  });

  it('lists the user commands and prints its version', () => {
    const group = confide(['user', '--help']);
    expect(group.code).toBe(0);
    expect(group.out).toMatch(/^Usage: npx confide user <command> \[options\]\n\n {2}user add {7}/);
    expect(group.out).toContain('  user unlock ');
    expect(confide(['--version'])).toMatchObject({ code: 0, out: '0.1.0\n' });
  });

  it('refuses to work on a data folder without an installation, saying where it looked, and creates nothing', () => {
    const file = path.join(config().CONFIDE_DATA_DIR!, 'confide.sqlite');
    const refusal = `There is no Confide database at ${file}. Set CONFIDE_DATA_DIR to the data folder of the installation (or DATABASE_URL for PostgreSQL) and run the command again. Nothing was created. (A new installation is made by starting the server, or by \`npx confide migrate\`.)\n`;
    for (const args of [
      ['user', 'add', '--role', 'supervisor', '--username', 'alice'],
      ['user', 'unlock', 'alice'],
    ])
      expect(confide(args, 'a long enough password\n')).toEqual({ code: 2, out: '', err: refusal });
    expect(fs.readdirSync(config().CONFIDE_DATA_DIR!)).toEqual([]);
  });

  it('migrates, saying which database and that it is new, then says it is up to date', () => {
    expect(confide(['migrate'])).toEqual({
      code: 0,
      out: 'Applied: 0001_initial, 0002_case_handling, 0003_status_queue, 0004_due_process, 0005_accounts, 0006_case_access, 0007_files, 0008_backfill_edited, 0009_operator_intake, 0010_reply_files_unread, 0011_mail_intake, 0012_transcripts, 0013_user_language, 0014_administration\n',
      err: database().replace('\n', ' (new: no Confide installation there yet)\n'),
    });
    expect(confide(['migrate'])).toEqual({ code: 0, out: 'The database is up to date.\n', err: database() });
  });

  it('adds a user with the password from standard input and prints the recovery key once', () => {
    const r = confide(['user', 'add', '--role', 'supervisor', '--username', 'alice'], 'a long enough password\n');
    expect(r.err).toBe(database());
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Created supervisor "alice"\.\nRecovery key \(shown once, keep it offline\): [0-9A-Z]{4}( [0-9A-Z]{4}){7}\n$/,
    );
  });

  it('refuses bad input with a message and a non-zero exit', () => {
    expect(confide(['user', 'add', '--role', 'king', '--username', 'bob'], 'a long enough password\n')).toMatchObject({
      code: 2,
      err: 'Unknown role "king". Roles: administrator, supervisor, handler, custodian, oversight, operator.\n',
    });
    const extra = confide(
      ['user', 'add', '--role', 'handler', '--username', 'bob', 'extra'],
      'a long enough password\n',
    );
    expect(extra.code).toBe(2);
    expect(extra.err).toMatch(/^Unexpected argument "extra"\./);
    expect(confide(['user', 'add', '--role', 'handler', '--username', 'bob'], 'short\n')).toMatchObject({
      code: 1,
      err: `${database()}confide user add: The password needs at least 12 characters.\n`,
    });
    expect(confide(['user', 'add', '--role', 'handler', '--username', 'bob'], 'password1234\n')).toMatchObject({
      code: 1,
      err: `${database()}confide user add: This password is too easy to guess. This is similar to a commonly used password. Add more words that are less common.\n`,
    });
    expect(confide(['user', 'add', '--role', 'handler'])).toMatchObject({ code: 2 });
    expect(confide(['user', 'disable', 'nobody'])).toMatchObject({
      code: 1,
      err: `${database()}confide user disable: No user "nobody".\n`,
    });
    expect(confide(['frobnicate']).code).toBe(2);
  });

  it('unlocks a user locked out by failed sign-ins', () => {
    confide(['user', 'add', '--role', 'handler', '--username', 'dave'], 'yet another long password\n');
    expect(confide(['user', 'unlock', 'dave'])).toMatchObject({
      code: 0,
      out: 'Unlocked "dave": they can sign in again now.\n',
    });
    expect(confide(['user', 'unlock', 'nobody'])).toMatchObject({
      code: 1,
      err: `${database()}confide user unlock: No user "nobody".\n`,
    });
  });

  it('sets and clears the address for notices, and refuses a bad one', () => {
    confide(
      ['user', 'add', '--role', 'handler', '--username', 'erin', '--email', 'erin@example.org'],
      'one more long password\n',
    );
    expect(confide(['user', 'email', 'erin', 'erin.new@example.org'])).toMatchObject({
      code: 0,
      out: 'Notices for "erin" go to erin.new@example.org.\n',
    });
    expect(confide(['user', 'email', 'erin', '--clear'])).toMatchObject({
      code: 0,
      out: '"erin" gets no e-mail notices now.\n',
    });
    expect(confide(['user', 'email', 'erin', 'not an address']).code).toBe(2);
    expect(confide(['user', 'email', 'nobody', 'a@example.org'])).toMatchObject({
      code: 1,
      err: `${database()}confide user email: No user "nobody".\n`,
    });
  });

  it('verifies the audit log', () => {
    const r = confide(['audit', 'verify']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^The audit log is whole: \d+ entries, each linked to the one before\.\nHead: \d+:[0-9a-f]{64}\nWrite the head down/,
    );
  });

  it('disables a user', () => {
    confide(['user', 'add', '--role', 'handler', '--username', 'carol'], 'another long password\n');
    expect(confide(['user', 'disable', 'carol'])).toMatchObject({
      code: 0,
      out: 'Disabled "carol"; their sessions have ended.\n',
    });
  });
});
