/**
 * Identity disclosure through the screens, in Debian's Chromium: a handler asks on the case page, an identity
 * custodian approves on the Requests page, the handler then reads the identity, and the reporter — with JavaScript
 * off — is told on the follow-up page.
 */
import { describe, expect, it } from 'vitest';
import { actor } from '../helpers/cases.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';
import { HAVE_CHROMIUM } from './browser.ts';
import { openPanel, servedApp } from './workspace.ts';

const NOTICE = 'We need to ask you about the meeting as a witness. We will call the number you gave.';

describe.runIf(HAVE_CHROMIUM)('identity disclosure in the workspace', () => {
  const web = servedApp();

  it('asks, approves, shows the identity to the requester and tells the reporter', async () => {
    const body = await multipart(
      reportParts({
        category: 'espionage',
        answers: { what_happened: 'A meeting at the harbour, documents handed over.', danger: 'no' },
        identity: { name: 'Ana Example', contact: '+49 30 1234567' },
      }),
    );
    const submitted = await web.t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body });
    const { receipt } = submitted.json() as { receipt: string };
    const sup = await actor(web.t, 'supervisor');
    const { id, reference } = (
      (await sup.get('/api/v1/cases?order=newest&limit=1')).json() as {
        items: { id: string; reference: string }[];
      }
    ).items[0]!;
    expect((await sup.send('POST', `/api/v1/cases/${id}/grants`, { userId: web.t.users.handler.id })).statusCode).toBe(
      201,
    );

    const handler = await web.signedIn('handler');
    await handler.getByRole('link', { name: reference, exact: true }).click();
    await openPanel(handler, 'Reporter’s identity');
    const identity = handler.getByRole('region', { name: 'Reporter’s identity' });
    await identity.getByText('Not disclosed to you.').first().waitFor();
    const approvals = await openPanel(handler, 'Approvals');
    await approvals.getByRole('combobox', { name: 'What needs approval' }).selectOption({
      label: "Disclose the reporter's identity",
    });
    await approvals.getByRole('textbox', { name: 'Reason' }).fill('The reporter is the only witness of the meeting.');
    await approvals.getByRole('textbox', { name: 'Legal basis' }).fill('CEL 2023 Art. 16');
    await approvals.getByRole('textbox', { name: 'What the reporter will be told' }).fill(NOTICE);
    await approvals.getByRole('button', { name: 'Ask for approval' }).click();
    await approvals.getByText('Asked. An identity custodian decides').first().waitFor();
    await approvals.getByText('Waiting for a decision').first().waitFor();

    // The custodian's workspace points at Requests; the case itself stays closed to them.
    const custodian = await web.signedIn('custodian', 'Work waiting for you');
    await custodian.getByRole('link', { name: 'Go to Requests' }).click();
    const toDecide = custodian.getByRole('region', { name: 'To decide' });
    await toDecide.getByText('The reporter is the only witness of the meeting.').first().waitFor();
    await expect(toDecide.getByRole('link', { name: reference }).count()).resolves.toBe(0);
    await toDecide.getByRole('textbox', { name: 'Note to the requester (optional)' }).fill('Proportionate.');
    await toDecide.getByRole('button', { name: 'Approve' }).click();
    await toDecide.getByText(`is now disclosed to Test handler, and the reporter is told.`).first().waitFor();
    await toDecide.getByText('Nothing is waiting for your decision.').first().waitFor();

    await handler.reload();
    await openPanel(handler, 'Reporter’s identity');
    await identity.getByText('Given with the report').first().waitFor();
    const shown = await identity.innerText();
    expect(shown).toContain('Ana Example');
    expect(shown).toContain('+49 30 1234567');
    await openPanel(handler, 'Approvals');
    await approvals.getByText('Approved: identity disclosed').first().waitFor();

    const rp = await web.page(false);
    await rp.goto(`${web.base}/follow-up`);
    await rp.getByLabel('Your receipt').fill(receipt);
    await rp.getByRole('button', { name: 'Continue' }).click();
    await rp.getByText('Your identity was disclosed to a staff member handling your report on').first().waitFor();
    await rp.getByText(NOTICE).first().waitFor();
  });
});
