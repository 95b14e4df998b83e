/**
 * What a reporter types stays out of the browser profile, in Debian's Chromium with a persistent profile and
 * JavaScript off: a report with a refusal on the way (answers, identity, a file), then a follow-up with a mistyped
 * receipt, a message, a protection request and identity added later. With the browser closed, no marker is in
 * the profile's autofill tables (`Default/Web Data`) or anywhere in the profile's files — where, before, the
 * autofill store held the identity and the session-restore files (`Sessions/`) the body of every post answered
 * with a page.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, freshContext } from './browser.ts';
import { servedApp } from './workspace.ts';

/** Unique words typed into each field, to be looked for in the profile. */
const MARK = {
  whatHappened: 'Qzxanswerwhat',
  where: 'Qzxanswerwhere',
  people: 'Qzxanswerwho',
  evidence: 'Qzxanswerevidence',
  name: 'Qzxidentityname',
  contact: 'Qzxidentitycontact',
  relationship: 'Qzxidentityrelation',
  fileName: 'Qzxfilename',
  message: 'Qzxfollowupmessage',
  protection: 'Qzxprotectionaccount',
  laterName: 'Qzxlateridentity',
};

/** Every file below `dir`, recursively. */
function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(full) : entry.isFile() ? [full] : [];
  });
}

/** The markers found in the rows of every table of Chromium's `Web Data` (autofill, addresses, …). */
function markersInWebData(profileDir: string, markers: string[]): string[] {
  const db = new Database(path.join(profileDir, 'Default', 'Web Data'), { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const rows = JSON.stringify(tables.map(({ name }) => db.prepare(`SELECT * FROM "${name}"`).all()));
    return markers.filter((m) => rows.toLowerCase().includes(m.toLowerCase()));
  } finally {
    db.close();
  }
}

/** `file: marker` for each marker found in a file of the profile, as UTF-8 or UTF-16 (Chromium writes both). */
function markersInFiles(profileDir: string, markers: string[]): string[] {
  return filesBelow(profileDir).flatMap((file) => {
    const bytes = fs.readFileSync(file);
    return markers
      .filter((m) => bytes.includes(Buffer.from(m, 'utf8')) || bytes.includes(Buffer.from(m, 'utf16le')))
      .map((m) => `${path.relative(profileDir, file)}: ${m}`);
  });
}

describe.runIf(HAVE_CHROMIUM)('what a reporter types, in the browser profile', () => {
  const web = servedApp();

  it('is not kept by the browser after a report and a follow-up', async () => {
    const context = await freshContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${web.base}/report/espionage`);
      await page.getByLabel('What happened?').fill(`A man photographs the gate ${MARK.whatHappened}.`);
      await page.getByLabel('Where did it happen?').fill(`North gate ${MARK.where}`);
      await page.getByLabel('Who is involved?').fill(`A tall man ${MARK.people}`);
      await page.getByLabel('What evidence do you have?').fill(`Photos ${MARK.evidence}`);
      // Refused (no answer to a required question), then put right.
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByText('There is a problem').waitFor();
      await page
        .getByRole('group', { name: /Is anyone in danger now/ })
        .getByLabel('No', { exact: true })
        .check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('Your name').fill(MARK.name);
      await page.getByLabel('How to contact you safely').fill(`Call ${MARK.contact}`);
      await page.getByLabel('Your relationship to the matter').fill(MARK.relationship);
      await page
        .locator('#f-files')
        .setInputFiles({ name: `${MARK.fileName}.txt`, mimeType: 'text/plain', buffer: Buffer.from('notes') });
      await page.getByRole('button', { name: 'Send the report' }).click();
      const receipt = (await page.locator('#receipt').innerText()).trim();
      expect(receipt).toMatch(/^\d{4}( \d{4}){8}$/);

      await page.goto(`${web.base}/follow-up`);
      const last = receipt.slice(-1);
      await page.getByLabel('Your receipt').fill(`${receipt.slice(0, -1)}${last === '0' ? '1' : '0'}`);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByText('This receipt has a typing mistake').first().waitFor();
      await page.getByLabel('Your receipt').fill(receipt);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('Your message').fill(`More about the gate ${MARK.message}`);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await page.getByText('Your message has been sent.').waitFor();
      await page.getByRole('textbox', { name: 'What is happening? (optional)' }).fill(MARK.protection);
      await page.getByRole('button', { name: 'Ask for protection' }).click();
      await page.getByText('Your request for protection has been sent.').waitFor();
      await page.getByRole('region', { name: 'Your identity' }).getByLabel('Your name').fill(MARK.laterName);
      await page.getByRole('button', { name: 'Add my identity' }).click();
      await page.getByText('You added your identity on').waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You have signed out.').waitFor();
      await context.close();

      const markers = [...Object.values(MARK), receipt, receipt.replace(/ /g, '')];
      expect(markersInWebData(context.profileDir, markers)).toEqual([]);
      expect(markersInFiles(context.profileDir, markers)).toEqual([]);
    } finally {
      await context.dispose();
    }
  });
});
