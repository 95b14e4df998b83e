/**
 * Weak staff passwords are refused wherever a password is chosen (issue 8 item 9: `aaaaaaaaaaaa` and
 * `password1234` were accepted): activation, password change and recovery through the API, with zxcvbn's reason in
 * the answer. On the routes anyone can call, strength is judged only once the credential (both invitation codes,
 * the recovery key) is right, and a refused password does not count toward the lockout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { actor, errorId, errorMessage } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { activate, invite } from '../helpers/invitations.ts';
import { addStaff } from '../helpers/staff-work.ts';

const COMMON =
  'This password is too easy to guess. This is similar to a commonly used password. Add more words that are less common.';
const REPEATED =
  'This password is too easy to guess. Repeated characters like "aaa" are easy to guess. Add more words that are less common. Avoid repeated words and characters.';

const PERSONAL =
  'This password is too easy to guess. There should not be any personal or page related data. Add more words that are less common.';

describe.each(DIALECTS)('weak staff passwords are refused (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    await addStaff(t.deps, 'admin2', 'administrator');
  });
  afterAll(async () => t?.close());

  const refusal = (res: { statusCode: number; json(): unknown }) => [res.statusCode, errorId(res), errorMessage(res)];

  it('at activation, once both codes are right; a wrong code is answered as wrong, whatever the password', async () => {
    const { codes } = await invite(t, 'nina', 'handler', { displayName: 'Nina Hansen' });
    const wrong = await activate(t, 'nina', { ...codes, approval: 'AAAA-BBBB' }, 'password1234');
    expect([wrong.statusCode, errorId(wrong)]).toEqual([401, 'invitation_invalid']);
    for (let i = 0; i < 12; i++)
      expect(refusal(await activate(t, 'nina', codes, 'password1234'))).toEqual([400, 'weak_password', COMMON]);
    // Her own name is among the first words an attacker tries (a good password without it).
    expect(refusal(await activate(t, 'nina', codes, 'Nina Hansen 2026'))).toEqual([400, 'weak_password', PERSONAL]);
    // Thirteen refusals did not lock her out (ten wrong tries would), and the codes still work.
    expect((await activate(t, 'nina', codes, 'my very own passphrase 2026')).statusCode).toBe(200);
  });

  it('when changing one’s password', async () => {
    const handler = await actor(t, 'handler');
    const change = (newPassword: string) =>
      handler.send('POST', '/api/v1/account/password', { currentPassword: PASSWORD, newPassword });
    expect(refusal(await change('aaaaaaaaaaaa'))).toEqual([400, 'weak_password', REPEATED]);
    expect(refusal(await change('test handler 2026'))).toEqual([400, 'weak_password', PERSONAL]);
    expect((await change('a brand new passphrase 2026')).statusCode).toBe(204);
  });

  it('at recovery, once the recovery key is right', async () => {
    const { codes } = await invite(t, 'rolf', 'handler');
    const { recoveryKey } = (await activate(t, 'rolf', codes)).json() as { recoveryKey: string };
    const recover = (key: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/session/recover',
        payload: { username: 'rolf', recoveryKey: key, newPassword },
      });
    const wrongKey = await recover('AAAA BBBB CCCC DDDD EEEE FFFF GGGG HHHH', 'password1234');
    expect([wrongKey.statusCode, errorId(wrongKey)]).toEqual([401, 'unauthorized']);
    expect(refusal(await recover(recoveryKey, 'password1234'))).toEqual([400, 'weak_password', COMMON]);
    expect((await recover(recoveryKey, 'another fine passphrase 2026')).statusCode).toBe(200);
  });
});
