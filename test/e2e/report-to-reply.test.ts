/**
 * The foundation as people use it, in Debian's Chromium: with JavaScript disabled a reporter submits a report
 * with a GPS-tagged camera photo and gets a receipt; a supervisor signs in to the workspace, reads the report,
 * opens the cleaned photo (no GPS, camera or serial left) and replies; the reporter signs in with the receipt
 * and sees the reply.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { ExifTool } from 'exiftool-vendored';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyingTags, readTags } from '../fixtures/inspect.ts';
import { makeCameraJpeg } from '../fixtures/make.ts';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { ensureWebBuilt, freshContext, HAVE_CHROMIUM } from './browser.ts';

describe.runIf(HAVE_CHROMIUM)('report to reply in a browser', () => {
  let t: TestApp;
  let base: string;
  let exiftool: ExifTool;
  const contexts: Awaited<ReturnType<typeof freshContext>>[] = [];
  const open = async (javaScriptEnabled: boolean) => {
    const c = await freshContext({ javaScriptEnabled });
    contexts.push(c);
    return c;
  };

  beforeAll(async () => {
    ensureWebBuilt();
    t = await buildTestApp();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    exiftool = new ExifTool();
  });
  afterAll(async () => {
    // Closed here, not in the test, so that a failing step never leaves a browser running.
    for (const c of contexts) await c.dispose();
    await exiftool?.end();
    await t?.close();
  });

  it('carries a report from a reporter without JavaScript to a supervisor and back', async () => {
    const photo = await makeCameraJpeg(exiftool);
    expect(identifyingTags(await readTags(exiftool, photo, 'camera.jpg'))).toEqual(
      expect.arrayContaining(['GPS:GPSLatitude', 'ExifIFD:SerialNumber']),
    );

    // Reporter, JavaScript off
    const reporter = await open(false);
    const rp = await reporter.newPage();
    await rp.goto(`${base}/`);
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
    const staff = await open(true);
    const sp = await staff.newPage();
    await sp.goto(`${base}/staff/`);
    await sp.getByRole('textbox', { name: 'Username' }).fill('supervisor');
    await sp.getByLabel('Password').fill(PASSWORD);
    await sp.getByRole('button', { name: 'Sign in' }).click();
    await sp.getByRole('heading', { name: 'Cases' }).waitFor();
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

    await sp.getByRole('radio', { name: 'Reply to reporter' }).check();
    await sp.getByRole('textbox', { name: 'Message' }).fill('Thank you. Which gate exactly?');
    await sp.getByRole('button', { name: 'Send' }).click();
    await sp.getByText('Reply sent to the reporter.').waitFor();

    // Reporter follows up, still without JavaScript
    await rp.goto(`${base}/follow-up`);
    await rp.getByLabel('Your receipt').fill(receipt);
    await rp.getByRole('button', { name: 'Continue' }).click();
    await rp.getByText('Thank you. Which gate exactly?').waitFor();
    const cookies = await reporter.cookies();
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.expires])).toEqual([
      ['confide_reporter', true, 'Strict', -1],
    ]);
  });
});
