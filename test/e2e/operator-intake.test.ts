/**
 * Operator intake in the workspace, in Debian's Chromium: an operator records a phone report through the screens,
 * is shown the receipt once in numbered groups, downloads the letter; the reporter signs in with the read-out
 * receipt and is given a new one.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM } from './browser.ts';
import { servedApp } from './workspace.ts';
import { pdfLines } from '../helpers/pdf-text.ts';

describe.runIf(HAVE_CHROMIUM)('operator intake in the workspace', () => {
  const web = servedApp();

  it('records a phone report and hands the receipt over', async () => {
    const op = await web.signedIn('operator', 'Record a report');
    await op.getByRole('radio', { name: /Phone call/ }).check();
    await op.getByRole('combobox', { name: '2. Kind of report' }).selectOption('espionage');
    // Sent without its required answers first: the mistakes come back by field, nothing typed is lost.
    await op.getByRole('radio', { name: 'Agreed to a recording' }).check();
    await op.getByRole('button', { name: 'Send the report' }).click();
    await op.getByText('Some answers need another look.', { exact: false }).waitFor();
    await op.getByRole('textbox', { name: /What happened/ }).fill('A caller saw a man photograph the gate.');
    await op
      .getByRole('group', { name: 'Is anyone in danger now?' })
      .getByRole('radio', { name: 'No', exact: true })
      .check();
    await op.getByRole('textbox', { name: /Minutes or transcript/ }).fill('Call of 10 minutes.');
    await op.getByRole('button', { name: 'Send the report' }).click();
    await op.getByRole('heading', { name: 'Report recorded' }).waitFor();
    const groups = await op
      .getByRole('list', { name: 'Receipt, in groups of four digits' })
      .getByRole('listitem')
      .allTextContents();
    expect(groups).toHaveLength(9);
    const receipt = groups.join(' ');
    expect(receipt).toMatch(/^\d{4}( \d{4}){8}$/);

    const download = op.waitForEvent('download');
    await op.getByRole('button', { name: 'Download the letter (PDF)' }).click();
    const file = await (await download).path();
    expect(await pdfLines(fs.readFileSync(file))).toContain(receipt);

    const reporter = await web.page(false);
    await reporter.goto(`${web.base}/follow-up`);
    await reporter.getByRole('textbox', { name: 'Your receipt' }).fill(receipt);
    await reporter.getByRole('button', { name: 'Continue' }).click();
    await reporter.getByRole('heading', { name: 'Your new receipt' }).waitFor();
    await expect(reporter.getByText('The receipt the operator gave you no longer works.').count()).resolves.toBe(1);
  });
});
