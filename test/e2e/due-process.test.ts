/**
 * Due process through the screens, in Debian's Chromium: with JavaScript off a reporter who comes forward
 * downloads a certificate of receipt from the receipt page, and a handler checks its code in the workspace; the
 * handler records an enforcement action with two officers under an approval, and refers the case with an
 * approved export request picked in the status form.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { approval } from '../helpers/approvals.ts';
import { actor, submitCase } from '../helpers/cases.ts';
import { pdfLines } from '../helpers/pdf-text.ts';
import { HAVE_CHROMIUM } from './browser.ts';
import { openPanel, servedApp } from './workspace.ts';

describe.runIf(HAVE_CHROMIUM)('due process in a browser', () => {
  const web = servedApp();

  it('hands a reporter without JavaScript a certificate that the workspace verifies', async () => {
    const rp = await web.page(false);
    await rp.goto(`${web.base}/report/self-disclosure`);
    await rp.getByLabel('What happened?').fill('I was asked to copy files during a trip abroad.');
    await rp
      .getByRole('group', { name: /Were you coerced or deceived/ })
      .getByLabel('I was coerced', { exact: true })
      .check();
    await rp
      .getByRole('group', { name: /in danger now/ })
      .getByLabel('No', { exact: true })
      .check();
    await rp.getByRole('button', { name: 'Continue' }).click();
    await rp.getByRole('button', { name: 'Send the report' }).click();
    await rp.getByRole('heading', { name: 'Your report has been sent' }).waitFor();
    const receipt = (await rp.locator('#receipt').innerText()).trim();
    const [download] = await Promise.all([
      rp.waitForEvent('download'),
      rp.getByRole('button', { name: 'Download the certificate (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^certificate-of-receipt-R-[0-9A-F]{8}\.pdf$/);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.toString('latin1')).not.toContain(receipt.replace(/\s/g, ''));
    const lines = await pdfLines(pdf);
    const code = lines[lines.indexOf('Verification code') + 1]!;
    const reference = lines[lines.indexOf('Report reference') + 1]!;

    const handler = await web.signedIn('handler');
    await handler.getByRole('link', { name: 'Check a certificate' }).click();
    await handler.getByRole('textbox', { name: 'Verification code' }).fill(code.toLowerCase());
    await handler.getByRole('button', { name: 'Check' }).click();
    await handler.getByRole('heading', { name: 'Valid: we issued this certificate' }).waitFor();
    await handler.getByText(reference, { exact: true }).waitFor();
    const tampered = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    await handler.getByRole('textbox', { name: 'Verification code' }).fill(tampered);
    await handler.getByRole('button', { name: 'Check' }).click();
    await handler.getByRole('heading', { name: 'Not valid' }).waitFor();
  });

  it('records an enforcement action and refers the case with the approvals picked on the case page', async () => {
    const c = await submitCase(web.t, {
      answers: { what_happened: 'Envelopes handed over at the port.', danger: 'no' },
    });
    const sup = await actor(web.t, 'supervisor');
    expect(
      (await sup.send('POST', `/api/v1/cases/${c.id}/grants`, { userId: web.t.users.handler.id })).statusCode,
    ).toBe(201);
    await approval(web.t, { requester: 'handler', decider: 'supervisor', caseId: c.id, kind: 'enforcement_action' });

    const page = await web.signedIn('handler');
    await page.getByRole('link', { name: c.reference, exact: true }).click();
    const section = await openPanel(page, 'Enforcement actions');
    await section.getByText('No enforcement action has been recorded.').waitFor();
    const form = section.getByRole('form', { name: 'Record an enforcement action' });
    await form.getByLabel('Kind of action').selectOption({ label: 'Questioning' });
    await form.getByLabel('Date and time').fill('2026-11-02T09:30');
    await form.getByLabel('Place').fill('Harbour office, room 3');
    await form.getByLabel('Test handler').check();
    await form.getByRole('button', { name: 'Save the record' }).click();
    await form.getByText('Choose at least two different officers').waitFor();
    await form.getByLabel('Test supervisor').check();
    await form.getByLabel('Credentials shown').fill('Service cards of both officers');
    await form.getByLabel('Legal documents shown').fill('Summons No. 4/2026');
    await form.getByLabel('Why there is no recording').fill('The person refused to be recorded; noted in the minutes.');
    await form.getByRole('button', { name: 'Save the record' }).click();
    await form.getByText('Questioning recorded.').waitFor();
    await section.getByText('Test handler, Test supervisor').waitFor();
    await section.getByText('None. Reason: The person refused to be recorded; noted in the minutes.').waitFor();
    // The record names its approval by who gave it and when, never by an id; no id shows anywhere on the case.
    await section.getByText('under the “Record an enforcement action” approval given by Test supervisor on').waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i);

    await openPanel(page, 'Status');
    const status = page.getByRole('form', { name: 'Change status' });
    await status.getByRole('combobox', { name: 'New status' }).selectOption('assessing');
    await status.getByRole('button', { name: 'Change status' }).click();
    await page.getByText('Status changed to Assessing.').waitFor();
    await openPanel(page, 'Risk to the reporter');
    await page.getByRole('combobox', { name: 'Risk level' }).selectOption({ label: 'Low' });
    await page.getByRole('button', { name: 'Record assessment' }).click();
    await page.getByText('Risk assessment recorded').waitFor();
    await openPanel(page, 'Status');
    await status.getByRole('combobox', { name: 'New status' }).selectOption('referred');
    await status.getByText('This needs an approved request “Export or refer the case outside” of yours').waitFor();

    await approval(web.t, { requester: 'handler', decider: 'supervisor', caseId: c.id, kind: 'export' });
    await page.reload();
    await openPanel(page, 'Status');
    const statusAgain = page.getByRole('form', { name: 'Change status' });
    await statusAgain.getByRole('combobox', { name: 'New status' }).selectOption('referred');
    await statusAgain.getByRole('combobox', { name: 'Approval' }).waitFor();
    await statusAgain.getByRole('button', { name: 'Change status' }).click();
    await page.getByText('Status changed to Referred.').waitFor();
    const row = await web.t.deps.db
      .selectFrom('reports')
      .select('status')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('referred');
  });
});
