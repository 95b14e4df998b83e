/**
 * The NUL character (U+0000) in any text: PostgreSQL cannot store it, so every route refuses it with the same
 * clear 400 on both databases, whether it arrives in a JSON body, a form, the query string or the path.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actor, errorId, errorMessage } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { shownAfter } from '../helpers/forms.ts';

const MESSAGE = 'The request contains a NUL character (U+0000), which no field accepts. Remove it and try again.';

describe.each(DIALECTS)('NUL characters on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(async () => t?.close());

  const refused = (res: { statusCode: number; json(): unknown }) => {
    expect(res.statusCode).toBe(400);
    expect(errorId(res)).toBe('nul_character');
    expect(errorMessage(res)).toBe(MESSAGE);
  };

  it('refuses it before sign-in, in a JSON body and in a form', async () => {
    refused(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'nul\u0000x', password: 'whatever password' },
      }),
    );
    const form = await shownAfter(
      t,
      await t.app.inject({
        method: 'POST',
        url: '/follow-up',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'receipt=1234%00',
      }),
    );
    expect(form.statusCode).toBe(400);
  });

  it('refuses it in the query, the path and the body of staff routes', async () => {
    const admin = await actor(t, 'administrator');
    refused(
      await admin.send('POST', '/api/v1/users', { username: 'newperson', role: 'handler', displayName: 'A\u0000B' }),
    );
    const oversight = await actor(t, 'oversight');
    refused(await oversight.get('/api/v1/audit?subject=report:%00'));
    refused(await oversight.get('/api/v1/audit?actor=%00'));
    refused(await oversight.get('/api/v1/audit/reports/R-%00/accesses'));
    const supervisor = await actor(t, 'supervisor');
    refused(await supervisor.get('/api/v1/cases?label=a%00'));
    refused(await supervisor.get('/api/v1/cases?category=%00'));
    refused(
      await supervisor.send('POST', `/api/v1/cases/${randomUUID()}/links`, { reference: 'R-\u0000', kind: 'related' }),
    );
    // Nothing was stored on the way.
    expect(await t.deps.db.selectFrom('users').select('id').where('username', '=', 'newperson').execute()).toEqual([]);
  });
});
