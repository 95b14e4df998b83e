/**
 * A staff member's own language (Account page): stored on the account, returned with the session on every later
 * sign-in and session check, audited, and limited to the shipped languages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actor, errorId } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';

describe.each(DIALECTS)('staff language (%s)', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('is null until chosen, then the session carries the chosen one, also on the next sign-in', async () => {
    t = await buildTestApp({ dialect });
    const handler = await actor(t, 'handler');
    expect((await handler.get('/api/v1/session')).json()).toMatchObject({ language: null });

    const set = await handler.send('PUT', '/api/v1/account/language', { language: 'zh-CN' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ language: 'zh-CN' });

    expect((await handler.get('/api/v1/session')).json()).toMatchObject({ language: 'zh-CN' });
    expect((await handler.get('/api/v1/account')).json()).toMatchObject({ language: 'zh-CN' });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'handler', password: 'correct horse battery staple' },
    });
    expect(again.json()).toMatchObject({ language: 'zh-CN' });

    const audit = await t.deps.db
      .selectFrom('audit')
      .select(['actor', 'subject'])
      .where('action', '=', 'account.language.change')
      .execute();
    expect(audit).toEqual([{ actor: t.users.handler.id, subject: `user:${t.users.handler.id}` }]);
  });

  it('refuses a language that is not shipped (400) and keeps the one chosen before', async () => {
    t = await buildTestApp({ dialect });
    const handler = await actor(t, 'handler');
    expect((await handler.send('PUT', '/api/v1/account/language', { language: 'ar' })).statusCode).toBe(200);
    for (const language of ['fr', 'zh-TW', '', null, 'AR']) {
      const refused = await handler.send('PUT', '/api/v1/account/language', { language });
      expect(refused.statusCode, String(language)).toBe(400);
      expect(errorId(refused)).toBe('invalid_request');
    }
    expect((await handler.get('/api/v1/session')).json()).toMatchObject({ language: 'ar' });
  });
});
