/**
 * A report by phone from the call to the reply, in Debian's Chromium (issue 10, "done when"): an operator records the
 * call with its minutes; the category's supervisor reads it and replies with a photo; the reporter, with JavaScript
 * off, signs in with the receipt the operator read out, is given a new one, confirms the minutes and downloads the
 * photo sent with the reply — the cleaned copy, without the photo's hidden data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeOrientedJpeg } from '../fixtures/make.ts';
import { HAVE_CHROMIUM } from './browser.ts';
import { openPanel, servedApp } from './workspace.ts';

const WHAT = 'A caller saw a man photograph the harbour gate at dawn.';
const MINUTES = 'Call of 12 minutes. The caller saw the man three times, always before six.';
const REPLY = 'Thank you. Is this the gate you mean?';

describe.runIf(HAVE_CHROMIUM)('a phone report from the call to the reply', () => {
  const web = servedApp();

  it('is recorded by an operator, read and answered by a supervisor, and followed up by the reporter', async () => {
    const op = await web.signedIn('operator', 'Record a report');
    await op.getByRole('radio', { name: /Phone call/ }).check();
    await op.getByRole('combobox', { name: '2. Kind of report' }).selectOption('espionage');
    await op.getByRole('textbox', { name: /What happened/ }).fill(WHAT);
    await op
      .getByRole('group', { name: 'Is anyone in danger now?' })
      .getByRole('radio', { name: 'No', exact: true })
      .check();
    await op.getByRole('radio', { name: 'Did not agree' }).check();
    await op.getByRole('textbox', { name: /Minutes or transcript/ }).fill(MINUTES);
    await op.getByRole('button', { name: 'Send the report' }).click();
    await op.getByRole('heading', { name: 'Report recorded' }).waitFor();
    const readOut = (
      await op.getByRole('list', { name: 'Receipt, in groups of four digits' }).getByRole('listitem').allTextContents()
    ).join(' ');
    const reference = (await web.t.deps.db.selectFrom('reports').select('reference').execute()).at(-1)!.reference;

    // The supervisor of the category reads it, with how it came in, and replies with a photo.
    const sup = await web.signedIn('supervisor');
    await sup.getByRole('link', { name: reference, exact: true }).click();
    await sup.getByText(WHAT).waitFor();
    await sup
      .getByRole('region', { name: 'How the report came in' })
      .getByText('Did not agree to a recording')
      .waitFor();
    await openPanel(sup, 'Transcripts and minutes');
    await sup.getByRole('region', { name: 'Transcripts and minutes' }).getByText(MINUTES).waitFor();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-e2e-reply-'));
    const photo = path.join(dir, 'gate.jpg');
    fs.writeFileSync(photo, await makeOrientedJpeg());
    await openPanel(sup, 'Reply or note');
    await sup.getByRole('radio', { name: 'Reply to reporter' }).check();
    await sup.getByLabel('Message', { exact: true }).fill(REPLY);
    await sup.getByLabel('Files for the reporter (optional)').setInputFiles(photo);
    await sup.getByRole('button', { name: 'Send', exact: true }).click();
    await sup.getByText(REPLY).first().waitFor();

    // The reporter signs in with the read-out receipt: it is replaced, once.
    const rp = await web.page(false);
    await rp.goto(`${web.base}/follow-up`);
    await rp.getByRole('textbox', { name: 'Your receipt' }).fill(readOut);
    await rp.getByRole('button', { name: 'Continue' }).click();
    await rp.getByRole('heading', { name: 'Your new receipt' }).waitFor();
    await rp.getByRole('link', { name: 'I have written it down: go to my report' }).click();

    const records = rp.getByRole('region', { name: 'Records of your conversations with us' });
    await records.getByText(MINUTES).waitFor();
    await rp.getByRole('button', { name: 'Confirm this record' }).click();
    await rp.getByText(REPLY).waitFor();
    const [download] = await Promise.all([
      rp.waitForEvent('download'),
      rp.getByRole('link', { name: 'gate.jpg' }).click(),
    ]);
    const got = fs.readFileSync((await download.path())!);
    const meta = await sharp(got).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();

    // The supervisor sees the minutes confirmed.
    await sup.reload();
    await openPanel(sup, 'Transcripts and minutes');
    await sup.getByRole('region', { name: 'Transcripts and minutes' }).getByText('Confirmed by the reporter').waitFor();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
