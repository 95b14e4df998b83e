/**
 * The reporter-facing pages through the production app (`app.inject`): landing, the two-step report form, the
 * receipt shown once, assets and error pages. Follow-up: followup-pages.test.ts; setup: setup-pages.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DIALECTS } from '../../../test/helpers/db.ts';
import { shownAfter } from '../../../test/helpers/forms.ts';
import {
  ANSWERS,
  form,
  formsKeepingInput,
  hiddenAnswers,
  receiptOf,
  reporterPages,
} from '../../../test/helpers/public-pages.ts';

describe.each(DIALECTS)('public pages (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect, env: { CONFIDE_MAX_FILE_BYTES: '2048', CONFIDE_MAX_FILES: '3' } });
  });

  it('has an icon: /favicon.ico for browsers that ask, and an SVG every page links', async () => {
    const ico = await t.app.inject({ url: '/favicon.ico' });
    expect([ico.statusCode, ico.headers['content-type'], ico.headers['cache-control']]).toEqual([
      200,
      'image/vnd.microsoft.icon',
      'public, max-age=86400',
    ]);
    expect([...ico.rawPayload.subarray(0, 6)]).toEqual([0, 0, 1, 0, 3, 0]); // ICO header: 3 images
    const svg = await t.app.inject({ url: '/assets/favicon.svg' });
    expect([svg.statusCode, svg.headers['content-type']]).toEqual([200, 'image/svg+xml']);
    expect((await t.app.inject({ url: '/' })).body).toContain(
      '<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">',
    );
  });
  afterAll(() => t.close());
  const { step2Parts, submit } = reporterPages(() => t);

  it('shows the landing page: language, authority, categories, channels, rights; sets no cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<html lang="en" dir="ltr">');
    expect(res.body).toContain('<a class="site-name" href="/">National Security Reporting Office</a>');
    expect(res.body).toContain('<a class="skip-link" href="#main">');
    expect(res.body).toContain('<a class="category-link" href="/report/espionage">Espionage</a>');
    expect(res.body).toContain('<a class="button button-secondary" href="/follow-up">');
    expect(res.body).toContain('<p class="channel-value" dir="auto">+00 000 000 0000</p>');
    // Beside each channel, what it protects and what it does not (the profile's words or the default for its kind).
    expect(res.body.match(/<dl class="channel-protection">/g)).toHaveLength(5);
    expect(res.body).toContain(
      '<dt>Does not protect</dt><dd>E-mail is not anonymous: your address, your mail provider and the time you sent it are visible to the mail servers on the way. Use the web form, or an address not linked to you.</dd>',
    );
    expect(res.body).toContain('<dt>Protects</dt><dd>A letter without a return address does not say who sent it.');
    expect(res.body).toContain('<h3>Your identity is kept confidential</h3>');
    expect(res.body).toContain('Knowingly making a false report');
    expect(res.body).not.toContain('not taking reports yet');
    expect(res.body).not.toMatch(/style=|<script>|<style/);
  });

  it('shows the questionnaire with every field type, required marked in words', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/report/espionage' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<form method="post" action="/report/espionage" autocomplete="off" novalidate>');
    expect(res.body).toContain(
      '<label for="f-what_happened">What happened? <span class="required">(required)</span></label>',
    );
    expect(res.body).toContain(
      '<textarea id="f-what_happened" name="what_happened" autocomplete="off" maxlength="20000" aria-describedby="f-what_happened-hint" aria-required="true" rows="8"></textarea>',
    );
    expect(res.body).toContain('<input type="date" id="f-when" name="when"');
    expect(res.body).toContain('<input type="radio" id="f-danger-0" name="danger" value="yes" autocomplete="off">');
    expect(res.body).not.toContain('type="file"');
  });

  it('answers an unknown category with a 404 page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/report/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<h1>Page not found</h1>');
    expect(res.body).toContain('There is no such kind of report.');
    expect(res.body).toContain('<a class="site-name" href="/">National Security Reporting Office</a>');
    const nowhere = await t.app.inject({ method: 'GET', url: '/no/such/page' });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.body).toContain('There is no page at this address.');
    const gone = await t.app.inject({ method: 'GET', url: `/problem?draft=${'A'.repeat(43)}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('There is no page at this address.');
  });

  it('keeps everything typed and links each error to its field when step 1 is refused', async () => {
    const res = await shownAfter(
      t,
      await t.app.inject({
        method: 'POST',
        url: '/report/espionage',
        ...form({ where: 'Gate "B" <north>', how_you_know: 'saw', when: '2024-02-30' }),
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<title>Error: Espionage — National Security Reporting Office</title>');
    expect(res.body).toContain('<a href="#f-what_happened">What happened?: Please answer this question.</a>');
    expect(res.body).toContain('<a href="#f-danger-0">Is anyone in danger now?: Please choose one of the options.</a>');
    expect(res.body).toContain('<a href="#f-when">When did it happen?: There is no 30 February 2024.');
    expect(res.body).toContain('value="Gate &quot;B&quot; &lt;north&gt;"');
    expect(res.body).toContain(
      '<input type="radio" id="f-how_you_know-0" name="how_you_know" value="saw" autocomplete="off" checked>',
    );
    expect(res.body).toContain(
      'aria-describedby="f-what_happened-hint f-what_happened-error" aria-required="true" aria-invalid="true"',
    );
  });

  it('moves to step 2 with the answers in one hidden field, before the identity section and the file inputs', async () => {
    const posted = await t.app.inject({ method: 'POST', url: '/report/espionage', ...form(ANSWERS) });
    expect(posted.headers.location).toMatch(/^\/report\/espionage\/details\?draft=[A-Za-z0-9_-]{43}$/);
    const res = await shownAfter(t, posted);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain(
      '<form method="post" enctype="multipart/form-data" action="/report/espionage/submit" autocomplete="off" novalidate data-upload>',
    );
    expect(hiddenAnswers(body)).toMatchObject(ANSWERS);
    expect(body).toContain('Leave this empty to stay anonymous.');
    expect(body).toContain('<input type="text" id="f-identity-name" name="identity.name"');
    expect(body).toContain('<input type="file" id="f-file-attachments" name="file.attachments"');
    expect(body).toContain('<input type="file" id="f-files" name="files" multiple');
    expect(body).toContain('up to 3 files, 2 KiB each');
    expect(body.indexOf('name="answers"')).toBeLessThan(body.indexOf('name="identity.name"'));
    expect(body.indexOf('name="identity.name"')).toBeLessThan(body.indexOf('type="file"'));
    expect(body).toContain('<dd dir="auto">A man photographed the gate &lt;b&gt;twice&lt;/b&gt;.</dd>');
    expect(formsKeepingInput(body)).toEqual([]);
  });

  it('answers every step with a redirect, and drops the draft once the report is stored', async () => {
    const posted = await t.app.inject({ method: 'POST', url: '/report/espionage', ...form(ANSWERS) });
    const location = posted.headers.location!;
    const token = /draft=([A-Za-z0-9_-]{43})/.exec(location)![1]!;
    const details = await shownAfter(t, posted);
    expect(details.body).toContain(`<input type="hidden" name="_draft" value="${token}">`);
    // A draft shows only on the form of its own category.
    const elsewhere = await t.app.inject({ method: 'GET', url: `/report/leak/details?draft=${token}` });
    expect(elsewhere.headers.location).toBe('/report/leak?expired=1');
    expect((await t.app.inject({ method: 'GET', url: location })).statusCode).toBe(200);

    const sent = await submit(step2Parts(ANSWERS, [{ name: '_draft', value: token }]));
    expect(sent.headers.location).toMatch(/^\/receipt\//);
    const gone = await t.app.inject({ method: 'GET', url: location });
    expect(gone.statusCode).toBe(303);
    expect(gone.headers.location).toBe('/report/espionage?expired=1');
    const again = await t.app.inject({ method: 'GET', url: gone.headers.location! });
    expect(again.body).toContain(
      'What you typed earlier is no longer kept: for your safety, this service keeps it for 30 minutes only. Please fill in the form again.',
    );
  });

  it('goes back to step 1 with the answers kept to change them', async () => {
    const res = await shownAfter(
      t,
      await t.app.inject({
        method: 'POST',
        url: '/report/espionage',
        ...form({ ...ANSWERS, _edit: '1', 'identity.name': 'Ann' }),
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('error-summary');
    expect(res.body).toContain('>A man photographed the gate &lt;b&gt;twice&lt;/b&gt;.</textarea>');
    expect(res.body).toContain('<input type="hidden" name="identity.name" value="Ann">');
  });

  it('stores the report, redirects to the receipt, and shows the receipt only once', async () => {
    const res = await submit(step2Parts(ANSWERS, [{ name: 'identity.name', value: 'Ann Example' }]));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/receipt\/[A-Za-z0-9_-]{43}$/);
    const first = await t.app.inject({ method: 'GET', url: res.headers.location! });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(receiptOf(first.body)).toMatch(/^(\d{4} ){8}\d{4}$/);
    expect(first.body).toContain('Nobody from us will ever ask you for it.');
    expect(first.body).toContain('<script src="/assets/site.js" defer></script>');
    const again = await t.app.inject({ method: 'GET', url: res.headers.location! });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('A receipt is shown only once');
    expect(receiptOf(again.body)).toBeNull();
  });

  it('refuses a file over the limit and shows step 2 again with answers and identity kept', async () => {
    const res = await shownAfter(
      t,
      await submit(
        step2Parts(ANSWERS, [
          { name: 'identity.name', value: 'Ann <Example>' },
          { name: 'files', value: Buffer.alloc(4096, 1), filename: 'big.bin' },
        ]),
      ),
    );
    expect(res.statusCode).toBe(413);
    expect(hiddenAnswers(res.body)).toMatchObject(ANSWERS);
    expect(res.body).toContain('value="Ann &lt;Example&gt;"');
    expect(res.body).toContain('<a href="#f-files">The file “big.bin” is larger than the limit of 2 KiB.</a>');
    expect(res.body).toContain('please choose your files again');
  });

  it('refuses an empty file and a missing hidden answers field clearly', async () => {
    const empty = await shownAfter(
      t,
      await submit(step2Parts(ANSWERS, [{ name: 'files', value: Buffer.alloc(0), filename: 'empty.txt' }])),
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('The file “empty.txt” is empty.');
    const none = await shownAfter(t, await submit([{ name: 'identity.name', value: 'x' }]));
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Your answers could not be read.');
  });

  it('shows an identity answer over its limit on step 2, linked to its field', async () => {
    const res = await shownAfter(
      t,
      await submit(step2Parts(ANSWERS, [{ name: 'identity.name', value: 'n'.repeat(501) }])),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<a href="#f-identity-name">Your name: At most 500 characters (you entered 501).</a>');
    expect(res.body).toContain(`value="${'n'.repeat(501)}"`);
    expect(hiddenAnswers(res.body)).toMatchObject(ANSWERS);
    expect(res.body).not.toContain('choose your files again');
  });

  it('sends altered answers back to step 1 with the errors', async () => {
    const res = await shownAfter(t, await submit(step2Parts({ what_happened: '', danger: 'maybe' })));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<p class="caption">Step 1 of 2</p>');
    expect(res.body).toContain(
      '<a href="#f-danger-0">Is anyone in danger now?: Please choose one of the options listed.</a>',
    );
  });

  it('serves the stylesheet and script, and nothing else from assets', async () => {
    const css = await t.app.inject({ method: 'GET', url: '/assets/site.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    const js = await t.app.inject({ method: 'GET', url: '/assets/site.js' });
    expect(js.statusCode).toBe(200);
    for (const url of ['/assets/..%2Fhtml.ts', '/assets/html.ts', '/assets/none.css', '/assets/.hidden.css']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
    }
  });

  it('keeps API 404s in JSON', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { id: 'not_found', message: 'Not found.' } });
  });
});
