/**
 * A protection request end to end, in Debian's Chromium: the reporter asks from the follow-up page with JavaScript
 * off; the supervisor finds the case first in the queue, marked, reads the account in the Protection section and
 * records the response; the reporter then reads the outcome in plain words, never the staff's note.
 */
import { describe, expect, it } from 'vitest';
import { submitCase } from '../helpers/cases.ts';
import { HAVE_CHROMIUM } from './browser.ts';
import { servedApp } from './workspace.ts';

describe.runIf(HAVE_CHROMIUM)('protection requests in the browser', () => {
  const web = servedApp();

  it('is asked for without JavaScript, answered in the workspace, and its outcome shown to the reporter', async () => {
    await submitCase(web.t, { answers: { what_happened: 'Threats at the gate.', danger: 'yes' } });
    const target = await submitCase(web.t, { answers: { what_happened: 'Photos of the gate.', danger: 'no' } });

    const reporter = await web.page(false);
    await reporter.goto(`${web.base}/follow-up`);
    await reporter.getByRole('textbox', { name: 'Your receipt' }).fill(target.receipt);
    await reporter.getByRole('button', { name: 'Continue' }).click();
    await reporter.getByRole('heading', { name: 'I or my relatives are in danger' }).waitFor();
    await reporter
      .getByRole('textbox', { name: 'What is happening? (optional)' })
      .fill('A car has followed me home three nights running.');
    await reporter.getByRole('button', { name: 'Ask for protection' }).click();
    await reporter.getByText('Your request for protection has been sent.').waitFor();
    await reporter
      .getByRole('region', { name: 'I or my relatives are in danger' })
      .getByText('Staff must respond by')
      .waitFor();

    const sup = await web.signedIn('supervisor');
    const firstRow = sup.getByRole('table').getByRole('row').nth(1);
    await expect(firstRow.getByRole('link').innerText()).resolves.toBe(target.reference);
    await expect(firstRow.getByText('Protection requested').count()).resolves.toBe(1);
    await firstRow.getByRole('link').click();

    const section = sup.getByRole('region', { name: 'Protection' });
    await section.getByText('A car has followed me home three nights running.').waitFor();
    await section.getByRole('combobox', { name: 'What was done' }).selectOption({ label: 'Protection arranged' });
    await section.getByRole('textbox', { name: 'Note for staff' }).fill('Patrol car posted outside the house.');
    await section.getByRole('button', { name: 'Record response' }).click();
    await section.getByText('Patrol car posted outside the house.').waitFor();
    await section.getByRole('button', { name: 'Record response' }).waitFor({ state: 'detached' });
    await sup.getByRole('region', { name: 'History' }).getByText('answered: Protection arranged').waitFor();

    await reporter.goto(`${web.base}/follow-up/report`);
    await reporter.getByText('Measures to protect you have been arranged.').waitFor();
    await expect(reporter.getByText('Patrol car').count()).resolves.toBe(0);
  });
});
