/** The follow-up pages through the production app: signing in with the receipt, reading, adding information. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dammCheckDigit, formatReceipt } from '../../crypto/receipt.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DIALECTS } from '../../../test/helpers/db.ts';
import { multipart } from '../../../test/helpers/multipart.ts';
import { shownAfter } from '../../../test/helpers/forms.ts';
import { form, formsKeepingInput, reporterPages, withCookie } from '../../../test/helpers/public-pages.ts';

describe.each(DIALECTS)('follow-up pages (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect, env: { CONFIDE_MAX_FILE_BYTES: '2048', CONFIDE_MAX_FILES: '3' } });
  });
  afterAll(() => t.close());
  const { makeReport, signIn } = reporterPages(() => t);

  it('signs in with the receipt (a session cookie only), shows the report and takes a message', async () => {
    const receipt = await makeReport();
    const res = await t.app.inject({ method: 'POST', url: '/follow-up', ...form({ receipt }) });
    expect(res.statusCode).toBe(303);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^confide_reporter=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const { cookie, csrf } = await signIn(receipt);

    const page = await t.app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      '<p class="status-text">Your report has been received and is waiting to be looked at.</p>',
    );
    expect(page.body).toContain('<dd>Espionage</dd>');
    expect(page.body).toContain('A man photographed the gate &lt;b&gt;twice&lt;/b&gt;.');
    expect(page.body).toContain('notes.txt');
    expect(page.body).toContain(`action="/follow-up/report?_csrf=${encodeURIComponent(csrf)}"`);
    expect(formsKeepingInput(page.body)).toEqual([]);

    const noToken = await shownAfter(
      t,
      await t.app.inject({
        method: 'POST',
        url: '/follow-up/report',
        ...withCookie(await multipart([{ name: 'body', value: 'x' }]), cookie),
      }),
      cookie,
    );
    expect(noToken.statusCode).toBe(403);

    const sent = await t.app.inject({
      method: 'POST',
      url: `/follow-up/report?_csrf=${encodeURIComponent(csrf)}`,
      ...withCookie(
        await multipart([
          { name: 'body', value: 'He wore a grey coat.\n\nAnd a hat.' },
          { name: 'files', value: Buffer.from('more'), filename: 'more.txt', type: 'text/plain' },
        ]),
        cookie,
      ),
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/follow-up/report?sent=1');
    const after = await t.app.inject({ method: 'GET', url: '/follow-up/report?sent=1', headers: { cookie } });
    expect(after.body).toContain('Your message has been sent.');
    expect(after.body).toContain(
      '<div class="message-body"><p dir="auto">He wore a grey coat.</p>\n<p dir="auto">And a hat.</p>',
    );
    expect(after.body).toContain('more.txt');
  });

  it('keeps the message when adding information is refused', async () => {
    const { cookie, csrf } = await signIn(await makeReport());
    const url = `/follow-up/report?_csrf=${encodeURIComponent(csrf)}`;
    const empty = await shownAfter(
      t,
      await t.app.inject({
        method: 'POST',
        url,
        ...withCookie(await multipart([{ name: 'body', value: '  ' }]), cookie),
      }),
      cookie,
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<a href="#f-body">Please write a message or choose a file.</a>');
    const big = await shownAfter(
      t,
      await t.app.inject({
        method: 'POST',
        url,
        ...withCookie(
          await multipart([
            { name: 'body', value: 'Keep <this>' },
            { name: 'files', value: Buffer.alloc(4096, 2), filename: 'big.bin' },
          ]),
          cookie,
        ),
      }),
      cookie,
    );
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('>Keep &lt;this&gt;</textarea>');
    expect(big.body).toContain('please choose your files again');
  });

  it('explains receipt typos, unknown receipts, and keeps what was typed', async () => {
    const typed = await t.app.inject({ method: 'POST', url: '/follow-up', ...form({ receipt: '1234 5678' }) });
    expect(typed.headers['set-cookie']).toBeUndefined();
    const typo = await shownAfter(t, typed);
    expect(typo.statusCode).toBe(400);
    expect(typo.body).toContain('<a href="#f-receipt">A receipt has 36 digits in groups of four.');
    expect(typo.body).toContain('value="1234 5678"');
    const receipt = await makeReport();
    const last = receipt.slice(-1);
    const wrongCheck = `${receipt.slice(0, -1)}${last === '0' ? '1' : '0'}`;
    const checksum = await shownAfter(
      t,
      await t.app.inject({ method: 'POST', url: '/follow-up', ...form({ receipt: wrongCheck }) }),
    );
    expect(checksum.statusCode).toBe(400);
    expect(checksum.body).toContain('This receipt has a typing mistake');

    const digits = '7'.repeat(35);
    const unknown = formatReceipt(digits + dammCheckDigit(digits));
    for (let i = 0; i < 5; i++) {
      const res = await shownAfter(
        t,
        await t.app.inject({ method: 'POST', url: '/follow-up', ...form({ receipt: unknown }) }),
      );
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('This receipt was not recognised.');
      expect(res.body).toContain(`value="${unknown}"`);
    }
    // Past five failures the answer is the same, only later (the test app records the wait instead of waiting).
    const waited = t.waits.length;
    const slowed = await shownAfter(
      t,
      await t.app.inject({ method: 'POST', url: '/follow-up', ...form({ receipt: unknown }) }),
    );
    expect(slowed.statusCode).toBe(401);
    expect(slowed.body).toContain('This receipt was not recognised.');
    expect(t.waits.slice(waited)).toEqual([1000]);
  });

  it('sends a reporter without a session to sign in again, and signs out', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/follow-up/report' });
    expect(none.statusCode).toBe(303);
    expect(none.headers.location).toBe('/follow-up?expired=1');
    const expired = await t.app.inject({ method: 'GET', url: '/follow-up?expired=1' });
    expect(expired.body).toContain('Your session has ended');

    const { cookie, csrf } = await signIn(await makeReport());
    const noToken = await shownAfter(
      t,
      await t.app.inject({
        method: 'POST',
        url: '/follow-up/sign-out',
        ...withCookie(form({ _csrf: 'forged' }), cookie),
      }),
      cookie,
    );
    expect(noToken.statusCode).toBe(403);
    expect(noToken.body).toContain('<a href="/follow-up/report">Back to your report</a>');
    const signedOut = await t.app.inject({
      method: 'POST',
      url: '/follow-up/sign-out',
      ...withCookie(form({ _csrf: csrf }), cookie),
    });
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toBe('/follow-up?signedout=1');
    const gone = await t.app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie } });
    expect(gone.headers.location).toBe('/follow-up?expired=1');
  });
});
