/**
 * The public site in each shipped language, chosen by the path alone (no cookie): `/zh-CN/…` and `/ar/…` are the
 * same pages in Chinese and Arabic, links and redirects keep the language, a report remembers the language it was
 * made in, and messages the domain writes in English reach the reporter translated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart } from '../helpers/multipart.ts';
import { ANSWERS, form, receiptOf } from '../helpers/public-pages.ts';
import { actor, submitCase } from '../helpers/cases.ts';
import { withDefaultLanguage } from '../../src/profiles/localize.ts';
import { localeFor } from '../../src/server/public/locale.ts';
import type { Profile } from '../../src/shared/profile.ts';

describe.each(DIALECTS)('public pages by language (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(async () => t.close());
  const get = (url: string, cookie?: string) =>
    t.app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });

  it('serves the start page in Chinese at /zh-CN/ and in Arabic, mirrored, at /ar/, with no cookie', async () => {
    const zh = await get('/zh-CN/');
    expect(zh.statusCode).toBe(200);
    expect(zh.body).toContain('<html lang="zh-CN" dir="ltr">');
    expect(zh.body).toContain('<h2 id="make-report">我要举报</h2>');
    expect(zh.body).toContain('<a class="button button-secondary" href="/zh-CN/follow-up">查询举报</a>');
    expect(zh.headers['set-cookie']).toBeUndefined();
    const ar = await get('/ar/');
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('<h2 id="make-report">تقديم بلاغ</h2>');
    // The switcher: each language named in itself, the current one not a link, the default one unprefixed.
    expect(ar.body).toContain('<a href="/" lang="en" hreflang="en">English</a>');
    expect(ar.body).toContain('<a href="/zh-CN/" lang="zh-CN" hreflang="zh-CN">简体中文</a>');
    expect(ar.body).toContain('<span lang="ar" aria-current="true">العربية</span>');
    expect((await get('/')).body).toContain('<html lang="en" dir="ltr">');
  });

  it('keeps the language through a refused sign-in and shows the refusal translated', async () => {
    const posted = await t.app.inject({ method: 'POST', url: '/ar/follow-up', ...form({ receipt: '1234' }) });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toMatch(/^\/ar\/follow-up\?draft=/);
    const shown = await get(posted.headers.location!);
    expect(shown.body).toContain('<form method="post" action="/ar/follow-up"');
    expect(shown.body).toContain('يتكون الإيصال من 36 رقمًا في مجموعات من أربعة. يُرجى التحقق منه والمحاولة مرة أخرى.');
    expect(shown.body).not.toContain('A receipt has 36 digits');
  });

  it('remembers the language a report was made in, and shows its status and a reply in it', async () => {
    const sent = await t.app.inject({
      method: 'POST',
      url: '/zh-CN/report/espionage/submit',
      ...(await multipart([{ name: 'answers', value: JSON.stringify(ANSWERS) }])),
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toMatch(/^\/zh-CN\/receipt\//);
    const receiptPage = await get(sent.headers.location!);
    expect(receiptPage.body).toContain('<h1>您的举报已提交</h1>');
    // Shown once: its language links lead to the start page, never to the receipt page again.
    expect(receiptPage.body).toContain('<a href="/" lang="en" hreflang="en">English</a>');
    expect(receiptPage.body).not.toMatch(/href="[^"]*\/receipt\//);
    const receipt = receiptOf(receiptPage.body)!;
    // Staff see the report's language, and start the outcome notice from a text in it.
    const sup = await actor(t, 'supervisor');
    const list = await sup.get('/api/v1/cases?order=newest&limit=1');
    const id = (list.json() as { items: { id: string }[] }).items[0]!.id;
    const detail = (await sup.get(`/api/v1/cases/${id}`)).json() as {
      language: string;
      feedbackTemplates: { outcome: string; text: string }[];
    };
    expect(detail.language).toBe('zh-CN');
    expect(detail.feedbackTemplates.find((f) => f.outcome === 'duplicate')?.text).toBe(
      '感谢您的举报。此前已有人向我们举报过同一事项，您的举报将与之合并办理。',
    );

    const signIn = await t.app.inject({ method: 'POST', url: '/zh-CN/follow-up', ...form({ receipt }) });
    expect(signIn.headers.location).toBe('/zh-CN/follow-up/report');
    const cookie = `${signIn.cookies[0]!.name}=${signIn.cookies[0]!.value}`;
    const before = await get('/zh-CN/follow-up/report', cookie);
    expect(before.body).toContain('<p class="status-text">我们已收到您的举报，正在等待处理。</p>');
    expect(before.body).toContain('<dt>举报类别</dt>');
    const reply = { body: '请问您是在哪一天看到的？', visibility: 'reporter' };
    expect((await sup.send('POST', `/api/v1/cases/${id}/messages`, reply)).statusCode).toBe(201);
    const after = await get('/zh-CN/follow-up/report', cookie);
    expect(after.body).toContain('<strong>承办人员的留言</strong>');
    expect(after.body).toContain('<p dir="auto">请问您是在哪一天看到的？</p>');
  });

  it('translates the access record: pseudonyms and purposes', async () => {
    const c = await submitCase(t);
    const sup = await actor(t, 'supervisor');
    expect((await sup.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(200);
    const signIn = await t.app.inject({ method: 'POST', url: '/ar/follow-up', ...form({ receipt: c.receipt }) });
    const cookie = `${signIn.cookies[0]!.name}=${signIn.cookies[0]!.value}`;
    const page = await get('/ar/follow-up/report', cookie);
    expect(page.body).toContain('<td>الموظف A</td><td>قرأ بلاغك</td>');
    expect(page.body).toContain('<td>أنت</td><td>سجّلت الدخول بإيصالك</td>');
  });

  it('leaves the API, the workspace and the assets alone', async () => {
    expect((await get('/zh-CN/api/v1/categories')).statusCode).toBe(404);
    expect((await get('/zh-CN/assets/site.css')).statusCode).toBe(404);
    expect((await get('/assets/site.css')).statusCode).toBe(200);
    // Nor does a link or redirect to them gain a language.
    const ar = localeFor(t.deps.profile(), 'ar');
    expect([
      ar.href('/staff/'),
      ar.href('/api/v1/session'),
      ar.href('/assets/site.css'),
      ar.href('/follow-up'),
    ]).toEqual(['/staff/', '/api/v1/session', '/assets/site.css', '/ar/follow-up']);
  });
});

describe('the default language', () => {
  it('is the profile’s own (Chinese for national security) unless CONFIDE_LANGUAGE names another', async () => {
    const t = await buildTestApp({ env: { CONFIDE_LANGUAGE: '' } });
    try {
      const start = await t.app.inject({ method: 'GET', url: '/' });
      expect(start.body).toContain('<html lang="zh-CN" dir="ltr">');
      expect(start.body).toContain('<h1>国家安全举报受理</h1>');
      expect(start.body).toContain('<a href="/en/" lang="en" hreflang="en">English</a>');
      const english = await t.app.inject({ method: 'GET', url: '/en/' });
      expect(english.body).toContain('<h1>National security reporting</h1>');
      expect(english.body).toContain(
        '<a class="button button-secondary" href="/en/follow-up">Follow up on a report</a>',
      );
    } finally {
      await t.close();
    }
  });

  it('refuses to start with a language the profile does not publish', () => {
    const profile = { id: 'x', language: 'en', languages: ['en'] } as unknown as Profile;
    expect(() => withDefaultLanguage(profile, 'ar')).toThrow(
      'CONFIDE_LANGUAGE is ar, but the profile x publishes en only — choose one of them, or leave CONFIDE_LANGUAGE unset',
    );
  });
});
