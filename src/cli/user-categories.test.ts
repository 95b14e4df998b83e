/** `npx confide user categories` as an administrator runs it: a real process, a real data folder. */
import { beforeAll, describe, expect, it } from 'vitest';
import { cliOnFreshData } from '../../test/helpers/cli.ts';

describe('confide user categories', () => {
  const { run: confide, config } = cliOnFreshData('confide-cli-categories-');
  const database = () => `Database: SQLite ${config().CONFIDE_DATA_DIR}/confide.sqlite\n`;

  beforeAll(() => {
    expect(
      confide(['user', 'add', '--role', 'supervisor', '--username', 'alice'], 'a long enough password\n').code,
    ).toBe(0);
  });

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
      err: database(),
    });
    expect(confide(['user', 'categories', 'alice', 'all'])).toMatchObject({
      code: 0,
      out: '"alice" works on every category.\n',
    });
  });

  it('refuses unknown categories and users, and missing arguments', () => {
    expect(confide(['user', 'categories', 'alice', 'espionage,nope'])).toMatchObject({
      code: 1,
      err: `${database()}confide user categories: There is no category “nope”. Categories: espionage, cyber-espionage, third-country, leak, self-disclosure, complaint-official.\n`,
    });
    expect(confide(['user', 'categories', 'nobody', 'all'])).toMatchObject({
      code: 1,
      err: `${database()}confide user categories: No user "nobody".\n`,
    });
    expect(confide(['user', 'categories', 'alice']).code).toBe(2);
    expect(confide(['user', 'categories', 'alice', ' , ']).code).toBe(2);
  });
});
