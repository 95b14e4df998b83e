/**
 * The case view as a supervisor works in it, in Debian's Chromium, on a typical case (a web report with its
 * answers, two messages from the reporter and a reply): the summary stays in view, actions open one at a
 * time on demand, and a supervisor triages, grants, replies and closes the case without scrolling past a form
 * they did not open. The case view's height is saved with its screenshots.
 */
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import { actor, reporterSession, submitCase } from '../helpers/cases.ts';
import { HAVE_CHROMIUM, saveScreens } from './browser.ts';
import { openPanel, servedApp } from './workspace.ts';

/** A typical case: the espionage questionnaire answered, two reporter messages and one reply. */
async function typicalCase(t: TestApp): Promise<{ id: string; reference: string }> {
  const { receipt, id, reference } = await submitCase(t, {
    answers: {
      what_happened: 'A man photographs the north gate every morning at 7 and writes down the licence plates.',
      when: '2026-02-28',
      danger: 'no',
    },
  });
  const reporter = await reporterSession(t, receipt);
  for (const body of ['He came again today with a second man.', 'The second man wore a blue delivery uniform.']) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporter/messages',
      headers: { cookie: reporter.cookie, 'x-csrf-token': reporter.csrf },
      payload: { body },
    });
    expect(res.statusCode).toBe(201);
  }
  const supervisor = await actor(t, 'supervisor');
  const reply = await supervisor.send('POST', `/api/v1/cases/${id}/messages`, {
    body: 'Thank you. Which gate exactly?',
    visibility: 'reporter',
  });
  expect(reply.statusCode).toBe(201);
  return { id, reference };
}

describe.runIf(HAVE_CHROMIUM)('the case view in a browser', () => {
  const web = servedApp();

  it('lets a supervisor triage, grant, reply and close without scrolling past a form they did not open', async () => {
    const { id, reference } = await typicalCase(web.t);
    const page = await web.signedIn('supervisor');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${web.base}/staff/cases/${id}`);
    await page.getByText('The second man wore a blue delivery uniform.').waitFor();
    const forms = page.locator('form:visible');
    expect(await forms.count()).toBe(0);
    const heights = await saveScreens(page, 'case-view-supervisor');
    expect(heights[1280]).toBeLessThan(3000);

    // Scrolled to the history, the summary is still in view.
    await page.getByRole('navigation', { name: 'Parts of this case' }).getByRole('link', { name: 'History' }).click();
    await expect(page.getByRole('heading', { name: `Case ${reference}`, level: 1 }).isVisible()).resolves.toBe(true);
    const top = await page.getByRole('heading', { name: `Case ${reference}`, level: 1 }).boundingBox();
    expect(top!.y).toBeGreaterThanOrEqual(0);
    expect(top!.y).toBeLessThan(120);

    const urgency = await openPanel(page, 'Urgency');
    expect(await forms.count()).toBe(1);
    await urgency.getByRole('textbox', { name: 'Urgency reason' }).fill('The reporter is watched.');
    await urgency.getByRole('button', { name: 'Mark urgent' }).click();
    await urgency.getByRole('button', { name: 'Mark not urgent' }).waitFor();

    const risk = await openPanel(page, 'Risk to the reporter');
    expect(await forms.count()).toBe(1);
    await risk.getByRole('combobox', { name: 'Risk level' }).selectOption({ label: 'Low' });
    await risk.getByRole('button', { name: 'Record assessment' }).click();
    await page.getByText('Risk: Low').first().waitFor();

    const access = await openPanel(page, 'Access');
    await access.getByRole('combobox', { name: 'Grant to' }).selectOption({ label: 'Test handler · Handler' });
    await access.getByRole('button', { name: 'Grant', exact: true }).click();
    await access.getByRole('button', { name: 'Revoke Test handler' }).waitFor();

    const reply = await openPanel(page, 'Reply or note');
    expect(await forms.count()).toBe(1);
    await reply.getByRole('radio', { name: 'Reply to reporter' }).check();
    await reply.getByRole('textbox', { name: 'Message' }).fill('Thank you. We are looking into it.');
    await reply.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Reply sent to the reporter.').waitFor();
    await page.getByRole('region', { name: 'Messages' }).getByText('Thank you. We are looking into it.').waitFor();

    const status = await openPanel(page, 'Status');
    expect(await forms.count()).toBe(1);
    await status.getByRole('combobox', { name: 'New status' }).selectOption('closed');
    await status.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Unsubstantiated' });
    await status.getByRole('button', { name: 'Change status' }).click();
    await page.getByText('Status changed to').first().waitFor();

    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Marked urgent').waitFor();
    await history.getByText('Granted to Test handler').waitFor();
    await history.getByText(/Status changed from received to closed/).waitFor();
    // The open panel is kept in the address: a reload shows it again.
    await page.reload();
    await page
      .getByRole('complementary', { name: 'Actions on this case' })
      .getByRole('region', { name: 'Status' })
      .waitFor();
  });

  it('keeps a handler’s typical case short at 1280 px and on a phone', async () => {
    const { id } = await typicalCase(web.t);
    const sup = await actor(web.t, 'supervisor');
    const grant = await sup.send('POST', `/api/v1/cases/${id}/grants`, { userId: web.t.users.handler.id });
    expect(grant.statusCode).toBe(201);
    const page = await web.signedIn('handler');
    await page.goto(`${web.base}/staff/cases/${id}`);
    await page.getByText('The second man wore a blue delivery uniform.').waitFor();
    const heights = await saveScreens(page, 'case-view-handler');
    expect(heights[1280]).toBeLessThan(3000);
    expect(heights[390]).toBeLessThan(6000);
  });

  it('lists cases densely: holders, labels, relative deadlines, sorting, keys and saved filters', async () => {
    const first = await submitCase(web.t, { answers: { what_happened: 'Alpha.', danger: 'no' } });
    const second = await submitCase(web.t, { answers: { what_happened: 'Beta.', danger: 'no' } });
    const sup = await actor(web.t, 'supervisor');
    await sup.send('POST', `/api/v1/cases/${second.id}/grants`, { userId: web.t.users.handler.id });
    await sup.send('PUT', `/api/v1/cases/${second.id}/labels`, { labels: ['harbour'] });
    const page = await web.signedIn('supervisor');
    await page.setViewportSize({ width: 1280, height: 900 });
    const table = page.getByRole('table');
    const row = table.getByRole('row', { name: new RegExp(second.reference) });
    await row.getByText('Test handler, Test supervisor').waitFor();
    await row.getByText('harbour').waitFor();
    await row.getByText('in 7 days').waitFor();
    await saveScreens(page, 'case-list');

    // Sorting by reference, then the other way.
    const references = async () => (await table.locator('tbody th a').allInnerTexts()).map((r) => r.trim());
    await table.getByRole('button', { name: 'Reference' }).click();
    const ascending = await references();
    expect(ascending).toEqual([...ascending].sort());
    await table.getByRole('button', { name: 'Reference' }).click();
    expect(await references()).toEqual([...ascending].reverse());
    expect(await table.getByRole('columnheader', { name: /Reference/ }).getAttribute('aria-sort')).toBe('descending');

    // Keys: ArrowDown from the first row's link moves to the second; "/" goes to the search box.
    await table.locator('tbody a.row-link').first().focus();
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe((await references())[1]);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');

    // A saved filter survives a reload and applies with one click.
    await page.goto(`${web.base}/staff/?label=harbour`);
    await page.getByLabel('Name these filters').fill('Harbour cases');
    await page.getByRole('button', { name: 'Save filters' }).click();
    await page.goto(`${web.base}/staff/`);
    await page.getByRole('link', { name: 'Harbour cases' }).click();
    await table.getByRole('link', { name: second.reference }).waitFor();
    expect(await table.getByRole('link', { name: first.reference }).count()).toBe(0);
  });
});
