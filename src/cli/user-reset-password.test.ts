/** `npx confide user reset-password NAME` as an administrator runs it: a real process on a real data folder. */
import { describe, expect, it } from 'vitest';
import { cliOnFreshData } from '../../test/helpers/cli.ts';
import { signIn } from '../domain/accounts/sign-in.ts';
import { loadConfig } from '../server/core/config.ts';
import { buildDeps } from '../server/deps.ts';

const PASSWORD = 'a long enough password';

describe('confide user reset-password', () => {
  const { run: confide, config } = cliOnFreshData('confide-cli-reset-');
  const database = () => `Database: SQLite ${config().CONFIDE_DATA_DIR}/confide.sqlite\n`;

  it('explains itself', () => {
    const help = confide(['user', 'reset-password', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: npx confide user reset-password NAME\n/);
    expect(help.out).toContain('recovery key');
    expect(confide(['user', '--help']).out).toContain('  user reset-password ');
    const none = confide(['user', 'reset-password']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^Name the one user whose password to reset\./);
  });

  it('stops the password and ends the sessions; the old password is then answered with the way out', async () => {
    expect(confide(['user', 'add', '--role', 'handler', '--username', 'hanna'], `${PASSWORD}\n`).code).toBe(0);
    const built = await buildDeps(loadConfig({ ...config(), CONFIDE_LOG_LEVEL: 'silent' }));
    try {
      const { deps } = built;
      const session = await signIn(deps, 'hanna', PASSWORD);
      expect(session.user.username).toBe('hanna');

      const res = confide(['user', 'reset-password', 'Hanna']);
      expect(res).toEqual({
        code: 0,
        out: 'The password of "Hanna" no longer works and their sessions have ended. They choose a new one with their recovery key.\n',
        err: database(),
      });
      const user = await deps.db
        .selectFrom('users')
        .select(['id', 'password_reset_at'])
        .where('username', '=', 'hanna')
        .executeTakeFirstOrThrow();
      expect(user.password_reset_at).not.toBeNull();
      expect(await deps.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
      await expect(signIn(deps, 'hanna', PASSWORD)).rejects.toMatchObject({ id: 'password_reset' });
      const audit = await deps.db
        .selectFrom('audit')
        .select(['actor', 'subject'])
        .where('action', '=', 'user.password_reset')
        .execute();
      expect(audit).toEqual([{ actor: 'cli', subject: `user:${user.id}` }]);
    } finally {
      await built.close();
    }

    expect(confide(['user', 'reset-password', 'nobody'])).toEqual({
      code: 1,
      out: '',
      err: `${database()}confide user reset-password: No user "nobody".\n`,
    });
  });
});
