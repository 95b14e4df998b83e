/**
 * Case handling in the workspace, in Debian's Chromium: a supervisor grants a report to a handler and marks it
 * urgent; the handler, who could not see it before, finds it first in the queue, records the risk assessment and
 * moves it on; the supervisor reads the history and the statistics.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { submitCase } from '../helpers/cases.ts';
import { ensureWebBuilt, freshContext, HAVE_CHROMIUM } from './browser.ts';

describe.runIf(HAVE_CHROMIUM)('case handling in the workspace', () => {
  let t: TestApp;
  let base: string;
  const contexts: Awaited<ReturnType<typeof freshContext>>[] = [];
  const signedIn = async (username: string) => {
    const context = await freshContext({ javaScriptEnabled: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}/staff/`);
    await page.getByRole('textbox', { name: 'Username' }).fill(username);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    return page;
  };

  beforeAll(async () => {
    ensureWebBuilt();
    t = await buildTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const c of contexts) await c.dispose();
    await t?.close();
  });

  it('grants, triages and records the assessment through the screens', async () => {
    await submitCase(t, { answers: { what_happened: 'Calm report.', danger: 'no' } });
    const target = await submitCase(t, {
      answers: { what_happened: 'A courier collects envelopes at night.', danger: 'no' },
    });

    const handler = await signedIn('handler');
    await expect(handler.getByRole('link', { name: target.reference }).count()).resolves.toBe(0);

    const sup = await signedIn('supervisor');
    await sup.getByRole('link', { name: target.reference, exact: true }).click();
    await sup.getByRole('heading', { name: `Case ${target.reference}` }).waitFor();
    await sup.getByRole('combobox', { name: 'Grant to' }).selectOption({ label: 'Test handler' });
    await sup.getByRole('button', { name: 'Grant', exact: true }).click();
    await sup.getByRole('button', { name: 'Revoke Test handler' }).waitFor();
    await sup.getByRole('textbox', { name: 'Urgency reason' }).fill('The reporter says they are followed.');
    await sup.getByRole('button', { name: 'Mark urgent' }).click();
    await sup.getByRole('button', { name: 'Mark not urgent' }).waitFor();

    await handler.reload();
    await handler.getByRole('heading', { name: 'Cases' }).waitFor();
    const firstRow = handler.getByRole('table').getByRole('link').first();
    await expect(firstRow.innerText()).resolves.toBe(target.reference);
    await firstRow.click();
    await handler.getByText('A courier collects envelopes at night.').waitFor();
    await handler.getByRole('combobox', { name: 'New status' }).selectOption('assessing');
    await handler.getByRole('button', { name: 'Change status' }).click();
    await handler.getByText('Status changed to').first().waitFor();
    await handler.getByRole('combobox', { name: 'Risk level' }).selectOption({ label: 'High' });
    await handler.getByRole('textbox', { name: 'Risk notes' }).fill('Reporter may be watched.');
    await handler.getByRole('button', { name: 'Record assessment' }).click();
    await handler.getByText('Risk: High').first().waitFor();
    await handler.getByRole('combobox', { name: 'New status' }).selectOption('investigating');
    await handler.getByRole('button', { name: 'Change status' }).click();
    await handler.getByText('Status changed to').first().waitFor();

    await sup.reload();
    const history = sup.getByRole('region', { name: 'History' });
    await history.getByText('Granted to Test handler').waitFor();
    await history.getByText('Marked urgent').waitFor();
    await history.getByText('Risk of harm to the reporter assessed as high').waitFor();
    await history.getByText('Status changed from assessing to investigating').waitFor();

    await sup.getByRole('link', { name: 'Statistics' }).click();
    await sup.getByRole('heading', { name: 'Statistics' }).waitFor();
    await sup.getByRole('link', { name: 'Download CSV' }).waitFor();
  });
});
