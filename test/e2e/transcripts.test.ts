/**
 * Oral reports through the screens, in Debian's Chromium: a handler writes down a meeting with its recording (the
 * person agreed) on the case page; the reporter, with JavaScript off, reads it on the follow-up page, corrects it
 * and confirms it; the handler sees it confirmed with the correction, and the recording deleted by the policy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actor, submitCase } from '../helpers/cases.ts';
import { AUDIO } from '../helpers/transcripts.ts';
import { HAVE_CHROMIUM } from './browser.ts';
import { openPanel, servedApp } from './workspace.ts';

const MINUTES = 'Meeting at the regional office. The reporter said the van came on Tuesdays.';

describe.runIf(HAVE_CHROMIUM)('transcripts in a browser', () => {
  const web = servedApp();

  it('has the reporter confirm minutes a handler wrote down, and shows the handler the outcome', async () => {
    const profile = web.t.deps.profile();
    web.t.deps.setProfile({
      ...profile,
      categories: profile.categories.map((c) =>
        c.id === 'espionage' ? { ...c, policy: { ...c.policy, recordingAfterConfirmation: 'delete' } } : c,
      ),
    });
    const c = await submitCase(web.t);
    const sup = await actor(web.t, 'supervisor');
    expect(
      (await sup.send('POST', `/api/v1/cases/${c.id}/grants`, { userId: web.t.users.handler.id })).statusCode,
    ).toBe(201);
    const audio = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'confide-e2e-audio-')), 'meeting.mp3');
    fs.writeFileSync(audio, AUDIO);

    const page = await web.signedIn('handler');
    await page.getByRole('link', { name: c.reference, exact: true }).click();
    const section = await openPanel(page, 'Transcripts and minutes');
    await section.getByText('No call or meeting has been written down.').waitFor();
    const form = section.getByRole('form', { name: 'Add minutes of a call or meeting' });
    await form.getByLabel('What was said').fill(MINUTES);
    await form.getByLabel('The person agreed to a recording').check();
    await form.getByLabel('Audio recording (optional)').setInputFiles(audio);
    await form.getByRole('button', { name: 'Save the minutes' }).click();
    await form.getByText('Minutes saved with the recording.', { exact: false }).waitFor();
    await section.getByText('Awaiting the reporter: not yet checked').waitFor();

    const rp = await web.page(false);
    await rp.goto(`${web.base}/follow-up`);
    await rp.getByLabel('Your receipt').fill(c.receipt);
    await rp.getByRole('button', { name: 'Continue' }).click();
    const records = rp.getByRole('region', { name: 'Records of your conversations with us' });
    await records.getByText(MINUTES).waitFor();
    await records.getByLabel('Correct or add something (optional)').fill('It came on Thursdays.');
    await records.getByRole('button', { name: 'Send correction' }).click();
    await rp.getByText('Your correction has been sent.').waitFor();
    await rp.getByRole('button', { name: 'Confirm this record' }).click();
    await rp.getByText('its recording has now been deleted').waitFor();

    await page.reload();
    const after = await openPanel(page, 'Transcripts and minutes');
    await after.getByText('Confirmed by the reporter').waitFor();
    await after.getByText('It came on Thursdays.').waitFor();
    await after.getByText('Deleted after the transcript was confirmed', { exact: false }).waitFor();
    fs.rmSync(path.dirname(audio), { recursive: true, force: true });
  });
});
