/**
 * Case handling in the workspace, in Debian's Chromium: a supervisor grants a report to a handler and marks it
 * urgent; the handler, who could not see it before, finds it first in the queue, records the risk assessment and
 * moves it on; the supervisor reads the history and the statistics.
 */
import { describe, expect, it } from 'vitest';
import { submitCase } from '../helpers/cases.ts';
import { HAVE_CHROMIUM } from './browser.ts';
import { openPanel, servedApp } from './workspace.ts';

describe.runIf(HAVE_CHROMIUM)('case handling in the workspace', () => {
  const web = servedApp();

  it('grants, triages and records the assessment through the screens', async () => {
    await submitCase(web.t, { answers: { what_happened: 'Calm report.', danger: 'no' } });
    const target = await submitCase(web.t, {
      answers: { what_happened: 'A courier collects envelopes at night.', danger: 'no' },
    });

    const handler = await web.signedIn('handler');
    await expect(handler.getByRole('link', { name: target.reference }).count()).resolves.toBe(0);

    const sup = await web.signedIn('supervisor');
    await sup.getByRole('link', { name: target.reference, exact: true }).click();
    await sup.getByRole('heading', { name: `Case ${target.reference}` }).waitFor();
    await openPanel(sup, 'Access');
    await sup.getByRole('combobox', { name: 'Grant to' }).selectOption({ label: 'Test handler · Handler' });
    await sup.getByRole('button', { name: 'Grant', exact: true }).click();
    await sup.getByRole('button', { name: 'Revoke Test handler' }).waitFor();
    await openPanel(sup, 'Urgency');
    await sup.getByRole('textbox', { name: 'Urgency reason' }).fill('The reporter says they are followed.');
    await sup.getByRole('button', { name: 'Mark urgent' }).click();
    await sup.getByRole('button', { name: 'Mark not urgent' }).waitFor();

    await handler.reload();
    await handler.getByRole('heading', { name: 'Cases' }).waitFor();
    const firstRow = handler.getByRole('table').getByRole('link').first();
    await expect(firstRow.innerText()).resolves.toBe(target.reference);
    await firstRow.click();
    await handler.getByText('A courier collects envelopes at night.').waitFor();
    await openPanel(handler, 'Status');
    await handler.getByRole('combobox', { name: 'New status' }).selectOption('assessing');
    await handler.getByRole('button', { name: 'Change status' }).click();
    await handler.getByText('Status changed to').first().waitFor();
    await openPanel(handler, 'Risk to the reporter');
    await handler.getByRole('combobox', { name: 'Risk level' }).selectOption({ label: 'High' });
    await handler.getByRole('textbox', { name: 'Risk notes' }).fill('Reporter may be watched.');
    await handler.getByRole('button', { name: 'Record assessment' }).click();
    await handler.getByText('Risk: High').first().waitFor();
    await openPanel(handler, 'Status');
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
