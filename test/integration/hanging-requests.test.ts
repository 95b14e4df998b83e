/**
 * No request holds a connection forever (issue 8, item 17), over real sockets:
 * - a multipart part without a form-data Content-Disposition, of 32,000 bytes, used to leave busboy waiting for
 *   ever (patches/@fastify+busboy+*.patch); it is answered 400 like any form missing its fields;
 * - a body that stops arriving is answered 408 and closed once the request or idle bound runs out;
 * - three hundred of them leave no descriptor open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';
import { openDescriptors, portOf, sendOverSocket, type SocketAnswer } from '../helpers/socket.ts';

/** The body from the issue: one part with no Content-Disposition at all, 32,000 bytes long. */
const HANGING_BODY = `--b\r\nContent-Type: text/plain\r\n\r\n${'y'.repeat(32_000)}\r\n--b--\r\n`;
const MULTIPART = { 'Content-Type': 'multipart/form-data; boundary=b' };
/** Far beyond any bound set here: a request not answered by then is left hanging. */
const DEADLINE_MS = 20_000;

const STALLED_BODY = '--b\r\nContent-Disposition: form-data; name="category"\r\n\r\nespio';
const REQUEST_TIMEOUT = {
  error: {
    id: 'request_timeout',
    message:
      'The request did not arrive in time (the connection may be slow or interrupted). Nothing was stored; please send it again.',
  },
};

describe.each(DIALECTS)('requests that used to hang, on %s', (dialect) => {
  let t: TestApp;
  let port: number;
  let staff: { cookie: string; csrf: string };
  const CASE = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    // Request bound 2 s, headers 1 s, idle a minute: a stall mid-body is cut by the request bound.
    t = await buildTestApp({
      dialect,
      env: { CONFIDE_REQUEST_TIMEOUT_SECONDS: '2', CONFIDE_HEADERS_TIMEOUT_SECONDS: '1' },
    });
    port = await portOf(t.app);
    staff = await t.signIn('supervisor');
  });
  afterAll(async () => t?.close());

  const hanging = {
    reports: () =>
      sendOverSocket(port, { path: '/api/v1/reports', headers: MULTIPART, body: HANGING_BODY }, DEADLINE_MS),
    page: () =>
      sendOverSocket(port, { path: '/report/espionage/submit', headers: MULTIPART, body: HANGING_BODY }, DEADLINE_MS),
    actions: () =>
      sendOverSocket(
        port,
        {
          path: `/api/v1/cases/${CASE}/actions`,
          headers: { ...MULTIPART, Cookie: staff.cookie, 'X-CSRF-Token': staff.csrf },
          body: HANGING_BODY,
        },
        DEADLINE_MS,
      ),
  };
  const stalled = (path: string) =>
    sendOverSocket(port, { path, headers: MULTIPART, body: STALLED_BODY, declaredLength: 100_000 }, DEADLINE_MS);

  it('answers the part without a Content-Disposition 400 on every multipart route', async () => {
    const [reports, page, actions] = await Promise.all([hanging.reports(), hanging.page(), hanging.actions()]);
    expect([reports.status, JSON.parse(reports.body), reports.closed]).toEqual([
      400,
      { error: { id: 'missing_field', message: 'The field “category” is missing.' } },
      true,
    ]);
    expect([actions.status, JSON.parse(actions.body)]).toEqual([
      400,
      { error: { id: 'missing_field', message: 'The field “action” is missing.' } },
    ]);
    // The public form answers every post with a redirect (no browser keeps the body); the page it leads to explains.
    expect([page.status, page.location?.replace(/=[\w-]{43}$/, '=TOKEN')]).toEqual([303, '/problem?draft=TOKEN']);
    const shown = await sendOverSocket(port, { method: 'GET', path: page.location! }, DEADLINE_MS);
    expect([shown.status, shown.contentType]).toEqual([400, 'text/html; charset=utf-8']);
    expect(shown.body).toContain(
      '<p>Your answers could not be read. Please start your report again from the start page.</p>',
    );
  });

  it('answers a body that stops arriving 408 once the request bound runs out, and closes the connection', async () => {
    const [api, page] = await Promise.all([stalled('/api/v1/reports'), stalled('/report/espionage/submit')]);
    expect([api.status, api.contentType, JSON.parse(api.body), api.closed]).toEqual([
      408,
      'application/json; charset=utf-8',
      REQUEST_TIMEOUT,
      true,
    ]);
    expect([page.status, page.contentType, page.closed]).toEqual([408, 'text/html; charset=utf-8', true]);
    expect(page.body).toContain(
      '<p>What you sent did not arrive in time (the connection may be slow or interrupted), and nothing was stored. Go back with your browser&#39;s Back button, where what you typed is usually still filled in, and send it again.</p>',
    );
  });

  it('holds no descriptor open after 300 such requests', async () => {
    const check = (a: SocketAnswer) => [a.status, a.closed];
    // Once each, so that what a first request opens for good (database connections, log files) is counted before.
    expect((await Promise.all([hanging.reports(), hanging.page(), hanging.actions()])).map(check)).toEqual([
      [400, true],
      [303, true],
      [400, true],
    ]);
    const before = openDescriptors();
    const answers = await Promise.all([
      ...Array.from({ length: 200 }, (_, i) => [hanging.reports, hanging.page, hanging.actions][i % 3]!()),
      ...Array.from({ length: 100 }, () => stalled('/api/v1/reports')),
    ]);
    expect(answers.map(check)).toEqual([
      ...Array.from({ length: 200 }, (_, i) => [i % 3 === 1 ? 303 : 400, true]),
      ...Array.from({ length: 100 }, () => [408, true]),
    ]);
    // The PostgreSQL pool may open up to 10 connections under this load; nothing else may stay open.
    await expect.poll(openDescriptors, { timeout: 5000 }).toBeLessThanOrEqual(before + 10);
  });
});

describe('a connection that goes quiet', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Only the idle bound is short: it alone cuts the stall.
    t = await buildTestApp({ env: { CONFIDE_IDLE_TIMEOUT_SECONDS: '1' } });
  });
  afterAll(async () => t?.close());

  it('is answered 408 while its body is still due, then closed', async () => {
    const answer = await sendOverSocket(
      await portOf(t.app),
      { path: '/api/v1/reports', headers: MULTIPART, body: STALLED_BODY, declaredLength: 100_000 },
      DEADLINE_MS,
    );
    expect([answer.status, JSON.parse(answer.body), answer.closed]).toEqual([408, REQUEST_TIMEOUT, true]);
  });
});
