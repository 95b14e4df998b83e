/**
 * The foundation as people use it, in Debian's Chromium: with JavaScript disabled a reporter submits a report
 * with a GPS-tagged camera photo and gets a receipt; a supervisor signs in to the workspace, reads the report,
 * opens the cleaned photo (no GPS, camera or serial left) and replies; the reporter signs in with the receipt
 * and sees the reply.
 */
import fs from 'node:fs';
import { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyingTags, readTags } from '../fixtures/inspect.ts';
import { makeCameraJpeg } from '../fixtures/make.ts';
import { HAVE_CHROMIUM } from './browser.ts';
import { openPanel, servedApp } from './workspace.ts';

describe.runIf(HAVE_CHROMIUM)('report to reply in a browser', () => {
  const web = servedApp();
  let exiftool: ExifTool;

  beforeAll(() => {
    exiftool = new ExifTool();
  });
  afterAll(async () => {
    await exiftool?.end();
  });

  it('carries a report from a reporter without JavaScript to a supervisor and back', async () => {
    const photo = await makeCameraJpeg(exiftool);
    expect(identifyingTags(await readTags(exiftool, photo, 'camera.jpg'))).toEqual(
      expect.arrayContaining(['GPS:GPSLatitude', 'ExifIFD:SerialNumber']),
    );

    // Reporter, JavaScript off
    const reporter = await web.context(false);
    const rp = await reporter.newPage();
    await rp.goto(`${web.base}/`);
    expect(await reporter.cookies()).toEqual([]);
    await rp.getByRole('link', { name: 'Espionage', exact: true }).click();
    await rp.getByLabel('What happened?').fill('A man photographs the north gate every morning at 7.');
    await rp.getByLabel('When did it happen?').fill('2026-02-28');
    await rp
      .getByRole('group', { name: /Is anyone in danger now/ })
      .getByLabel('No', { exact: true })
      .check();
    await rp.getByRole('button', { name: 'Continue' }).click();
    await rp.locator('#f-files').setInputFiles({ name: 'gate.jpg', mimeType: 'image/jpeg', buffer: photo });
    await rp.getByRole('button', { name: 'Send the report' }).click();
    const receipt = (await rp.locator('#receipt').innerText()).trim();
    expect(receipt).toMatch(/^\d{4}( \d{4}){8}$/);
    expect(await reporter.cookies()).toEqual([]);
    await rp.reload();
    await expect(rp.locator('#receipt').count()).resolves.toBe(0);

    // Supervisor, in the workspace
    const sp = await web.signedIn('supervisor');
    await sp.getByRole('table').getByRole('link').first().click();
    await sp.getByText('A man photographs the north gate every morning at 7.').waitFor();
    await sp.getByText('2026-02-28').or(sp.getByText('28 February 2026')).first().waitFor();

    const [download] = await Promise.all([
      sp.waitForEvent('download'),
      sp.getByRole('link', { name: /Download\s+gate\.jpg/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('gate.jpg');
    const cleaned = fs.readFileSync((await download.path())!);
    expect(identifyingTags(await readTags(exiftool, cleaned, 'gate.jpg'))).toEqual([]);
    expect((await sharp(cleaned).metadata()).width).toBe(64);

    await openPanel(sp, 'Reply or note');
    await sp.getByRole('radio', { name: 'Reply to reporter' }).check();
    await sp.getByRole('textbox', { name: 'Message' }).fill('Thank you. Which gate exactly?');
    await sp.getByRole('button', { name: 'Send' }).click();
    await sp.getByText('Reply sent to the reporter.').waitFor();

    // Reporter follows up, still without JavaScript
    await rp.goto(`${web.base}/follow-up`);
    await rp.getByLabel('Your receipt').fill(receipt);
    await rp.getByRole('button', { name: 'Continue' }).click();
    await rp.getByText('Thank you. Which gate exactly?').waitFor();
    const cookies = await reporter.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.expires])).toEqual([
      ['confide_reporter', true, 'Strict', -1],
    ]);
  });
});
