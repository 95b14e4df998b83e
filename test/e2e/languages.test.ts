/**
 * The public site in Chinese and Arabic, in Debian's Chromium:
 * - a Chinese-speaking reporter with JavaScript off goes from the start page to reading a reply and meets no
 *   English word on the way (product names such as PDF aside);
 * - an Arabic page is laid out right to left, and person-written text keeps its own direction inside it
 *   (computed by Chromium, :dir());
 * - axe-core finds no accessibility violation on the public pages in English, Chinese and Arabic.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, HAVE_CHROMIUM, saveScreens } from './browser.ts';
import { servedApp } from './workspace.ts';
import { actor, submitCase } from '../helpers/cases.ts';
import { PASSWORD } from '../helpers/app.ts';

/** Names of formats, tools and browsers that are the same in every language. */
const NAMES = new Set([
  ...['PDF', 'CSV', 'JSON', 'Word', 'Excel', 'PowerPoint', 'OpenDocument', 'IP', 'MiB', 'KiB'],
  ...['Tor', 'Chrome', 'Firefox', 'Safari'],
]);

/** The Latin-script words a person reads on `page` (visible text), other than NAMES. */
async function englishWords(page: Page): Promise<string[]> {
  // Web and e-mail addresses are written as they are typed.
  const text = (await page.locator('body').innerText()).replace(/\S+:\/\/\S+|\S+@\S+/g, ' ');
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !NAMES.has(w) && w !== 'English');
}

describe.runIf(HAVE_CHROMIUM)('languages in a browser', () => {
  const web = servedApp();

  it('takes a Chinese-speaking reporter from the start page to a reply without an English word', async () => {
    const page = await web.page(false);
    const seen: Record<string, string[]> = {};
    const look = async (name: string) => {
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      seen[name] = await englishWords(page);
    };
    await page.goto(`${web.base}/zh-CN/`);
    await look('start');
    await page.locator('a.category-link[href="/zh-CN/report/espionage"]').click();
    await look('questions');
    await page.locator('#f-what_happened').fill('有人每天早上七点拍摄北门。');
    await page.locator('#f-danger-1').check();
    await page.getByRole('button', { name: '继续' }).click();
    await look('details');
    await page.getByRole('button', { name: '提交举报' }).click();
    await look('receipt');
    const receipt = (await page.locator('#receipt').innerText()).trim();
    expect(receipt).toMatch(/^\d{4}( \d{4}){8}$/);

    const sup = await actor(web.t, 'supervisor');
    const list = await sup.get('/api/v1/cases?order=newest&limit=1');
    const id = (list.json() as { items: { id: string }[] }).items[0]!.id;
    const reply = { body: '谢谢。请问您是哪一天第一次看到的？', visibility: 'reporter' };
    expect((await sup.send('POST', `/api/v1/cases/${id}/messages`, reply)).statusCode).toBe(201);

    await page.goto(`${web.base}/zh-CN/follow-up`);
    await look('sign-in');
    await page.getByLabel('您的回执码').fill(receipt);
    await page.getByRole('button', { name: '继续' }).click();
    await page.getByText('谢谢。请问您是哪一天第一次看到的？').waitFor();
    await look('report');
    expect(await page.locator('.message-staff .message-meta strong').innerText()).toBe('承办人员的留言');
    expect(seen).toEqual({ start: [], questions: [], details: [], receipt: [], 'sign-in': [], report: [] });
  });

  it('lays an Arabic page out right to left, and keeps each person-written text in its own direction', async () => {
    const sup = await actor(web.t, 'supervisor');
    const page = await web.page(false);
    await page.goto(`${web.base}/ar/report/espionage`);
    await page.locator('#f-what_happened').fill('Report about שלום and مرحبا');
    await page.locator('#f-danger-1').check();
    await page.locator('button[type=submit]').click();
    await page.locator('#f-files').waitFor();
    await page.locator('button[type=submit]').last().click();
    const receipt = (await page.locator('#receipt').innerText()).trim();
    const list = await sup.get('/api/v1/cases?order=newest&limit=1');
    const id = (list.json() as { items: { id: string }[] }).items[0]!.id;
    const reply = { body: 'مرحبا، thank you for the report (نشكرك).', visibility: 'reporter' };
    expect((await sup.send('POST', `/api/v1/cases/${id}/messages`, reply)).statusCode).toBe(201);

    await page.goto(`${web.base}/ar/follow-up`);
    await page.locator('#f-receipt').fill(receipt);
    await page.locator('form[action="/ar/follow-up"] button[type=submit]').click();
    await page.locator('.thread').waitFor();
    const directions = await page.evaluate(() => ({
      page: getComputedStyle(document.documentElement).direction,
      heading: getComputedStyle(document.querySelector('h1')!).direction,
      reply: document.querySelector('.message-staff .message-body p')!.matches(':dir(rtl)'),
      answer: document.querySelector('.answers dd')!.matches(':dir(ltr)'),
    }));
    expect(directions).toEqual({ page: 'rtl', heading: 'rtl', reply: true, answer: true });
    // Mirrored: the heading's text ends at the right edge of its box, not at the left.
    const edges = await page.evaluate(() => {
      const h1 = document.querySelector('h1')!;
      const range = document.createRange();
      range.selectNodeContents(h1);
      const text = range.getBoundingClientRect();
      const box = h1.getBoundingClientRect();
      return { right: Math.round(box.right - text.right), left: Math.round(text.left - box.left) };
    });
    expect(edges.right).toBe(0);
    expect(edges.left).toBeGreaterThan(100);
    // The receipt reads left to right in any language.
    await page.goto(`${web.base}/ar/follow-up`);
    expect(await page.locator('#f-receipt').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  });

  it.each(['en', 'zh-CN', 'ar'])('finds no accessibility violation on the public pages in %s', async (language) => {
    const prefix = language === 'en' ? '' : `/${language}`;
    const page = await web.page(true);
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      found[name] = await axeViolations(page);
      if (['start', 'questions', 'receipt', 'report'].includes(name))
        await saveScreens(page, `public-${name}-${language}`);
    };
    await page.goto(`${web.base}${prefix}/`);
    await check('start');
    await page.goto(`${web.base}${prefix}/report/espionage`);
    await check('questions');
    await page.locator('button[type=submit]').click();
    await page.locator('.error-summary').waitFor();
    await check('questions with errors');
    await page.locator('#f-what_happened').fill('Something happened.');
    await page.locator('#f-danger-1').check();
    await page.locator('button[type=submit]').click();
    await page.locator('#f-files').waitFor();
    await check('details');
    await page.locator('button[type=submit]').last().click();
    await page.locator('#receipt').waitFor();
    await check('receipt');
    const receipt = (await page.locator('#receipt').innerText()).trim();
    await page.goto(`${web.base}${prefix}/follow-up`);
    await check('sign-in');
    await page.locator('#f-receipt').fill(receipt);
    await page.locator(`form[action="${prefix}/follow-up"] button[type=submit]`).click();
    await page.locator('.status-box').waitFor();
    await check('report');
    await page.goto(`${web.base}${prefix}/no-such-page`);
    await check('not found');
    expect(found).toEqual({
      start: [],
      questions: [],
      'questions with errors': [],
      details: [],
      receipt: [],
      'sign-in': [],
      report: [],
      'not found': [],
    });
  });

  it.each(['en', 'zh-CN', 'ar'])(
    'shows the workspace in %s, mirrored for Arabic, with no accessibility violation on its main screens',
    async (language) => {
      const c = await submitCase(web.t, { answers: { what_happened: 'Report about שלום and مرحبا', danger: 'no' } });
      const page = await (await web.context(true, language)).newPage();
      await page.goto(`${web.base}/staff/`);
      const found: Record<string, string[]> = {};
      await page.locator('input[autocomplete="username"]').waitFor();
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
        language,
        language === 'ar' ? 'rtl' : 'ltr',
      ]);
      found['sign-in'] = await axeViolations(page);
      await saveScreens(page, `staff-sign-in-${language}`);
      await page.locator('input[autocomplete="username"]').fill('supervisor');
      await page.locator('input[autocomplete="current-password"]').fill(PASSWORD);
      await page.locator('button[type=submit]').click();
      await page.locator('table.cases').waitFor();
      found.cases = await axeViolations(page);
      await saveScreens(page, `staff-cases-${language}`);
      await page.goto(`${web.base}/staff/cases/${c.id}`);
      await page.getByText('Report about שלום and مرحبا').waitFor();
      found.case = await axeViolations(page);
      await saveScreens(page, `staff-case-${language}`);
      // An action panel open, as a supervisor works in it.
      await page.locator('.case-actions__buttons button').nth(1).click();
      await page.locator('.case-panel:not([hidden]) form').waitFor();
      found['case panel'] = await axeViolations(page);
      await saveScreens(page, `staff-case-panel-${language}`);
      expect(await page.getByText('Report about שלום and مرحبا').evaluate((el) => el.matches(':dir(ltr)'))).toBe(true);
      await page.goto(`${web.base}/staff/account`);
      await page.locator('select').first().waitFor();
      found.account = await axeViolations(page);
      await saveScreens(page, `staff-account-${language}`);
      expect(found).toEqual({ 'sign-in': [], cases: [], case: [], 'case panel': [], account: [] });
    },
  );
});
