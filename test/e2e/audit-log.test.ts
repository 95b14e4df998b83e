/**
 * The audit log in Debian's Chromium: an oversight officer finds "Audit log" in the header (and keeps "Cases"),
 * filters the log to one report, loads older entries, checks the chain and downloads the export, which verifies
 * offline; the reporter, with JavaScript off, reads "Who has looked at your report" and downloads it as CSV.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyAuditExport } from '../../src/domain/audit/verify.ts';
import { actor, submitCase } from '../helpers/cases.ts';
import { HAVE_CHROMIUM } from './browser.ts';
import { servedApp } from './workspace.ts';

describe.runIf(HAVE_CHROMIUM)('the audit log in the workspace and on the follow-up page', () => {
  const web = servedApp();

  it('lets an oversight officer filter, page, check and export the log', async () => {
    const report = await submitCase(web.t);
    const sup = await actor(web.t, 'supervisor');
    for (let i = 0; i < 52; i++) expect((await sup.get(`/api/v1/cases/${report.id}`)).statusCode).toBe(200);

    const page = await web.signedIn('oversight');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Cases' }).waitFor();
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();

    await page.getByRole('textbox', { name: 'Report reference or subject' }).fill(report.reference);
    await page.getByRole('combobox', { name: 'Action starts with' }).fill('case.read');
    await page.getByRole('button', { name: 'Show entries' }).click();
    await page.getByText('Showing 50 entries, newest first; older ones can be loaded.').waitFor();
    expect(new URL(page.url()).search).toBe(`?action=case.read&subject=${report.reference}`);
    const table = page.getByRole('table', { name: 'Audit log entries, newest first' });
    await expect(table.getByRole('row').nth(1).innerText()).resolves.toContain('Test supervisor (Supervisor)');
    await expect(table.getByRole('row').nth(1).innerText()).resolves.toContain('Opened a case');
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('Showing 52 entries, newest first.').waitFor();

    await page.getByRole('button', { name: 'Check the chain' }).click();
    await page.getByText(/^The audit log is whole: all \d+ entries are each linked/).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the log (all of it)' }).click();
    const file = await (await download).path();
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(await verifyAuditExport(lines)).toMatchObject({ ok: true, first: 1, entries: lines.length });
    await page.getByRole('link', { name: `Download the record of accesses to ${report.reference}` }).waitFor();
  });

  it('shows the reporter who has looked at their report, with JavaScript off', async () => {
    const report = await submitCase(web.t);
    const sup = await actor(web.t, 'supervisor');
    expect((await sup.get(`/api/v1/cases/${report.id}`)).statusCode).toBe(200);

    const page = await web.page(false);
    await page.goto(`${web.base}/follow-up`);
    await page.getByRole('textbox', { name: 'Your receipt' }).fill(report.receipt);
    await page.getByRole('button', { name: 'Continue' }).click();
    const section = page.getByRole('region', { name: 'Who has looked at your report' });
    const rows = section.getByRole('row');
    await expect(rows.allInnerTexts()).resolves.toEqual([
      'When\tWho\tWhat was done',
      expect.stringMatching(/\tYou\tYour report was received$/),
      expect.stringMatching(/\tStaff member A\tRead your report$/),
      expect.stringMatching(/\tYou\tYou signed in with your receipt$/),
    ]);
    const download = page.waitForEvent('download');
    await section.getByRole('link', { name: 'as a spreadsheet (CSV)' }).click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    expect(
      csv
        .split('\r\n')
        .slice(1, 3)
        .map((l) => l.split(',').slice(1)),
    ).toEqual([
      ['You', 'Your report was received', 'report.submit'],
      ['Staff member A', 'Read your report', 'case.read'],
    ]);
    expect(csv).not.toContain('Test supervisor');
  });
});
