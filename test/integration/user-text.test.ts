/**
 * Text people type and others read is stored, answered and shown the same, without what would deceive the reader:
 * bidi overrides (`\u202Eevil.exe` shown as "exe.live") are removed, stacked combining marks are limited, and a
 * lone surrogate is stored and answered as U+FFFD — in staff messages, reporter messages and answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_STACKED_MARKS } from '../../src/shared/text.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actor, reporterSession, submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart } from '../helpers/multipart.ts';

/** What a hostile writer sends, and what must be stored and shown instead. */
const SENT = `Open \u202Eevil.exe\u202C now. Z${'\u0301'.repeat(50)}alg${'\u0300'.repeat(50)}o a\uD800b`;
const SHOWN = `Open evil.exe now. Ź${'\u0301'.repeat(MAX_STACKED_MARKS)}alg${'\u0300'.repeat(MAX_STACKED_MARKS)}o a\uFFFDb`;

type Message = { author: string; body: string };

describe.each(DIALECTS)('user text (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(async () => t?.close());

  it('answers a staff message with exactly what it stored, and shows the same to staff and the reporter', async () => {
    const c = await submitCase(t);
    const sup = await actor(t, 'supervisor');
    const res = await sup.send('POST', `/api/v1/cases/${c.id}/messages`, { body: SENT, visibility: 'reporter' });
    expect(res.statusCode).toBe(201);
    expect((res.json() as Message).body).toBe(SHOWN);
    const staffView = (await sup.get(`/api/v1/cases/${c.id}`)).json() as { messages: Message[] };
    expect(staffView.messages.map((m) => m.body)).toEqual([SHOWN]);

    const reporter = await reporterSession(t, c.receipt);
    const own = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reporter/report',
      headers: { cookie: reporter.cookie },
    });
    expect((own.json() as { messages: Message[] }).messages.map((m) => m.body)).toEqual([SHOWN]);
    const page = await t.app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie: reporter.cookie } });
    expect(page.body).toContain(`<div class="message-body"><p dir="auto">${SHOWN}</p>`);
    expect(page.body).not.toContain('\u202E');
  });

  it('stores a reporter message the same, from the API and from the follow-up form', async () => {
    const c = await submitCase(t);
    const reporter = await reporterSession(t, c.receipt);
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporter/messages',
      headers: { cookie: reporter.cookie, 'x-csrf-token': reporter.csrf },
      payload: { body: SENT },
    });
    expect(api.statusCode).toBe(201);
    const form = await multipart([{ name: 'body', value: `Form: ${SENT}` }]);
    const posted = await t.app.inject({
      method: 'POST',
      url: `/follow-up/report?_csrf=${encodeURIComponent(reporter.csrf)}`,
      headers: { ...form.headers, cookie: reporter.cookie },
      payload: form.payload,
    });
    expect(posted.statusCode).toBe(303);
    const sup = await actor(t, 'supervisor');
    const staffView = (await sup.get(`/api/v1/cases/${c.id}`)).json() as { messages: Message[] };
    expect(staffView.messages.map((m) => m.body)).toEqual([SHOWN, `Form: ${SHOWN}`]);
  });

  it('stores answers the same', async () => {
    const c = await submitCase(t, { answers: { what_happened: SENT, danger: 'no' } });
    const sup = await actor(t, 'supervisor');
    const view = (await sup.get(`/api/v1/cases/${c.id}`)).json() as {
      answers: { fieldId: string; value: unknown }[];
    };
    expect(view.answers.find((a) => a.fieldId === 'what_happened')?.value).toBe(SHOWN);
  });

  it('refuses a message that is empty once cleaned', async () => {
    const c = await submitCase(t);
    const sup = await actor(t, 'supervisor');
    const res = await sup.send('POST', `/api/v1/cases/${c.id}/messages`, {
      body: '\u202E\u2066 ',
      visibility: 'internal',
    });
    expect(res.statusCode).toBe(400);
  });
});
