/**
 * Every route validates its path parameters before its handler runs (issue 8, item 18): a malformed one is a 400
 * naming it, on every route of the OpenAPI document, never a 500 from inside a handler.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart } from '../helpers/multipart.ts';

type OpenApi = { paths: Record<string, Record<string, unknown>> };

describe.each(DIALECTS)('malformed path parameters on %s', (dialect) => {
  let t: TestApp;
  let staff: { cookie: string; csrf: string };
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    staff = await t.signIn('supervisor');
  });
  afterAll(async () => t?.close());

  it('answers an action record on a case id that is not a UUID 400, naming the parameter', async () => {
    const form = await multipart([{ name: 'action', value: '{}' }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases/not-a-uuid/actions',
      payload: form.payload,
      headers: { ...form.headers, cookie: staff.cookie, 'x-csrf-token': staff.csrf },
    });
    expect([res.statusCode, res.json()]).toEqual([
      400,
      { error: { id: 'invalid_request', message: 'The request is not valid.', details: { id: 'Invalid UUID' } } },
    ]);
  });

  it("answers a parameter longer than the router takes 414, in the API's shape or as a page", async () => {
    const api = await t.app.inject({ url: `/api/v1/cases/${'a'.repeat(150)}`, headers: { cookie: staff.cookie } });
    expect([api.statusCode, api.json()]).toEqual([
      414,
      { error: { id: 'uri_too_long', message: 'The address is longer than allowed. Please check it.' } },
    ]);
    const page = await t.app.inject({ url: `/report/${'a'.repeat(150)}` });
    expect([page.statusCode, page.headers['content-type']]).toEqual([414, 'text/html; charset=utf-8']);
    expect(page.body).toContain('<p>The address is longer than allowed. Please check it.</p>');
  });

  it('answers every route of the OpenAPI document 4xx for malformed parameters', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<OpenApi>();
    const withParams = Object.entries(doc.paths).filter(([p]) => p.includes('{'));
    expect(withParams.length).toBeGreaterThan(40);
    const answers: string[] = [];
    for (const [template, operations] of withParams)
      for (const method of Object.keys(operations))
        for (const bad of ['not-a-uuid', '%E2%80%AE%20x', 'a'.repeat(300)]) {
          const url = template.replace(/\{[^}]+\}/g, bad);
          const res = await t.app.inject({
            method: method.toUpperCase() as 'GET',
            url,
            headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf },
            ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
          });
          if (res.statusCode >= 500) answers.push(`${method.toUpperCase()} ${url}: ${res.statusCode} ${res.body}`);
        }
    expect(answers).toEqual([]);
  });
});
