/**
 * Session lifetime (issue 8 item 15): sessions end after a time without activity (reporters 20 minutes, staff 30)
 * and at a cap from sign-in (reporters 2 hours, staff 8), whatever the activity; each request is activity. A slow
 * follow-up upload that began inside the session is stored and the reporter sees "sent" — before, it was stored but
 * the reporter landed on "Your session has ended", as the session counted from sign-in. When a session did end, the
 * page says why and whether what was sent was stored. The clock is the app's own, moved by the test; the slow
 * upload is a body stream the test holds open while it moves the clock.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actor, errorId, errorMessage, submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { deleteEndedSessions } from '../../src/domain/accounts/sessions.ts';
import { multipart } from '../helpers/multipart.ts';

const MINUTE = 60_000;

describe.each(DIALECTS)('session lifetime (%s)', (dialect) => {
  let t: TestApp;
  let clock = Date.parse('2026-03-02T10:00:00.000Z');
  beforeAll(async () => {
    t = await buildTestApp({ dialect, now: () => new Date(clock) });
  });
  afterAll(async () => t?.close());

  /** A new report, its reporter signed in through the follow-up form. */
  async function reporter() {
    const { receipt, id } = await submitCase(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/follow-up',
      payload: new URLSearchParams({ receipt }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.headers.location).toBe('/follow-up/report');
    const cookie = `${res.cookies[0]!.name}=${res.cookies[0]!.value}`;
    const page = await t.app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    return { id, cookie, csrf };
  }
  const reportPage = (cookie: string) => t.app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie } });
  const signInPage = (location: string) => t.app.inject({ method: 'GET', url: location });
  const storedMessages = (reportId: string) =>
    t.deps.db
      .selectFrom('messages')
      .select('id')
      .where('report_id', '=', reportId)
      .where('author', '=', 'reporter')
      .execute();

  /**
   * Sends a follow-up whose body arrives in two parts: all but its last kilobyte when the request starts, the rest only
   * after `meanwhile` has run (the test moves the clock there), as a slow connection would.
   */
  async function slowUpload(s: { cookie: string; csrf: string }, meanwhile: () => void) {
    const { payload, headers } = await multipart([
      { name: 'body', value: 'More about the van: it is grey.' },
      {
        name: 'files',
        value: Buffer.alloc(1_000_000, 7),
        filename: 'photo-notes.bin',
        type: 'application/octet-stream',
      },
    ]);
    let started!: () => void;
    const reading = new Promise<void>((resolve) => (started = resolve));
    // The first part is far larger than any stream buffer: it is asked for again only once the handler has read it.
    const halves = [payload.subarray(0, payload.length - 1000), payload.subarray(payload.length - 1000)];
    let waited = false;
    const body = new Readable({
      read() {
        if (halves.length === 2) return void this.push(halves.shift());
        if (!waited) {
          waited = true;
          started();
          return;
        }
      },
    });
    const response = t.app.inject({
      method: 'POST',
      url: `/follow-up/report?_csrf=${encodeURIComponent(s.csrf)}`,
      headers: { ...headers, cookie: s.cookie, 'content-length': String(payload.length) },
      payload: body,
    });
    await reading; // the handler has read most of the body: the session was checked when the request started
    meanwhile();
    body.push(halves.shift());
    body.push(null);
    return response;
  }

  it('a slow upload begun inside the session is stored, and the reporter sees "sent" on the report page', async () => {
    const s = await reporter();
    clock += 19 * MINUTE;
    const sent = await slowUpload(s, () => {
      clock += 45 * MINUTE; // longer than the idle time, well inside the cap
    });
    expect([sent.statusCode, sent.headers.location]).toEqual([303, '/follow-up/report?sent=1']);
    const page = await t.app.inject({ method: 'GET', url: sent.headers.location!, headers: { cookie: s.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your message has been sent.');
    expect(page.body).toContain('photo-notes.bin');
    expect(await storedMessages(s.id)).toHaveLength(1);
  });

  it('an upload that outlasts the cap is stored, and the sign-in page says so and why the session ended', async () => {
    const s = await reporter();
    for (let i = 0; i < 7; i++) {
      clock += 17 * MINUTE; // active: a page every 17 minutes keeps the session for 119 minutes
      expect((await reportPage(s.cookie)).statusCode).toBe(200);
    }
    const sent = await slowUpload(s, () => {
      clock += 10 * MINUTE;
    });
    expect([sent.statusCode, sent.headers.location]).toEqual([303, '/follow-up?expired=cap&sent=1']);
    expect(sent.cookies).toMatchObject([{ name: 'confide_reporter', value: '' }]);
    expect((await signInPage(sent.headers.location!)).body).toContain(
      'You were signed out: a session lasts at most 2 hours from signing in. What you just sent was stored: staff will see it. To continue, enter your receipt again.',
    );
    expect(await storedMessages(s.id)).toHaveLength(1);
    expect((await reportPage(s.cookie)).headers.location).toBe('/follow-up?expired=1');
  });

  it('ends a reporter session after 20 idle minutes; a message sent after that is not stored, and the page says so', async () => {
    const s = await reporter();
    clock += 20 * MINUTE;
    const { payload, headers } = await multipart([{ name: 'body', value: 'Written while away.' }]);
    const late = await t.app.inject({
      method: 'POST',
      url: `/follow-up/report?_csrf=${encodeURIComponent(s.csrf)}`,
      headers: { ...headers, cookie: s.cookie },
      payload,
    });
    expect([late.statusCode, late.headers.location]).toEqual([303, '/follow-up?expired=idle&notsent=1']);
    expect((await signInPage(late.headers.location!)).body).toContain(
      'You were signed out after 20 minutes without activity. What you just sent was not stored, because your session had ended before it arrived; send it again after signing in. To continue, enter your receipt again.',
    );
    expect(await storedMessages(s.id)).toEqual([]);
    // Signing out of an ended session says nothing of a message.
    const again = await reporter();
    clock += 21 * MINUTE;
    const out = await t.app.inject({
      method: 'POST',
      url: '/follow-up/sign-out',
      payload: new URLSearchParams({ _csrf: again.csrf }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: again.cookie },
    });
    expect(out.headers.location).toBe('/follow-up?expired=idle');
  });

  it('the sessions job removes ended sessions, with the keys they held, even when their cookie never comes back', async () => {
    await t.deps.db.deleteFrom('sessions').execute();
    const idle = await reporter(); // will sit idle
    clock += 10 * MINUTE;
    const active = await reporter();
    const staff = await actor(t, 'supervisor');
    clock += 15 * MINUTE; // the first reporter 25 minutes idle, the second 15, staff 15
    expect(await deleteEndedSessions(t.deps)).toBe(1); // staff sessions (these and submitCase's) idle 25 minutes at most
    const left = await t.deps.db.selectFrom('sessions').select('report_id').where('kind', '=', 'reporter').execute();
    expect(left).toEqual([{ report_id: active.id }]);
    expect((await reportPage(idle.cookie)).headers.location).toBe('/follow-up?expired=1');
    expect((await staff.get('/api/v1/session')).statusCode).toBe(200);
    expect((await reportPage(active.cookie)).statusCode).toBe(200);
  });

  it('ends a staff session after 30 idle minutes or 8 hours, and says which', async () => {
    const staff = await actor(t, 'handler');
    clock += 29 * MINUTE;
    expect((await staff.get('/api/v1/session')).statusCode).toBe(200);
    clock += 29 * MINUTE; // 58 minutes after sign-in, 29 after the last request
    expect((await staff.get('/api/v1/session')).statusCode).toBe(200);
    clock += 30 * MINUTE;
    const idle = await staff.get('/api/v1/session');
    expect([idle.statusCode, errorId(idle), errorMessage(idle)]).toEqual([
      401,
      'session_idle',
      'You were signed out after 30 minutes without activity. Sign in again to continue.',
    ]);
    const busy = await actor(t, 'handler');
    for (let i = 0; i < 16; i++) {
      clock += 29 * MINUTE;
      expect((await busy.get('/api/v1/session')).statusCode).toBe(200);
    }
    clock += 20 * MINUTE; // 484 minutes after sign-in
    const capped = await busy.get('/api/v1/session');
    expect([capped.statusCode, errorId(capped), errorMessage(capped)]).toEqual([
      401,
      'session_cap',
      'You were signed out: a session lasts at most 8 hours from signing in. Sign in again to continue.',
    ]);
    expect(errorId(await busy.get('/api/v1/session'))).toBe('unauthorized');
  });
});
