/**
 * The two-person flows of issue 8 item 3 through the screens, in Debian's Chromium: a supervisor who tries to exclude
 * a co-supervisor is told to ask for an approval, asks on the case page, a third supervisor approves on the Requests
 * page, and the exclusion then goes through; a handler who tries to close a case is told the same, asks, and closes
 * it with the supervisor's approval.
 */
import { describe, expect, it } from 'vitest';
import { addUser } from '../../src/domain/accounts/users.ts';
import { PASSWORD } from '../helpers/app.ts';
import { actor, submitCase } from '../helpers/cases.ts';
import { HAVE_CHROMIUM } from './browser.ts';
import { openPanel, servedApp } from './workspace.ts';
import type { Page } from 'playwright-core';

/** Asks for `kind` in the case page's Approvals section, about `subject` when given. */
async function askApproval(page: Page, kind: string, subject?: string): Promise<void> {
  const approvals = await openPanel(page, 'Approvals');
  await approvals.getByRole('combobox', { name: 'What needs approval' }).selectOption({ label: kind });
  if (subject) await approvals.getByRole('combobox', { name: 'Which staff member' }).selectOption({ label: subject });
  await approvals.getByRole('textbox', { name: 'Reason' }).fill('Needed for the case.');
  await approvals.getByRole('textbox', { name: 'Legal basis' }).fill('CEL 2023 Art. 52');
  await approvals.getByRole('button', { name: 'Ask for approval' }).click();
  await approvals.getByText('Asked. A second person decides').first().waitFor();
}

/** Approves the one request waiting on `page`'s Requests page. */
async function approveWaiting(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Requests' }).click();
  const toDecide = page.getByRole('region', { name: 'To decide' });
  await toDecide.getByText('Needed for the case.').first().waitFor();
  await toDecide.getByRole('button', { name: 'Approve' }).click();
  await toDecide.getByText('Nothing is waiting for your decision.').first().waitFor();
}

describe.runIf(HAVE_CHROMIUM)('exclusions and closing in the workspace', () => {
  const web = servedApp();

  it('excludes a co-supervisor after a third supervisor approves it', async () => {
    for (const [username, displayName] of [
      ['sup2', 'Sup Two'],
      ['sup3', 'Sup Three'],
    ] as const)
      await addUser(web.t.deps, { username, role: 'supervisor', password: PASSWORD, displayName });
    const c = await submitCase(web.t, { answers: { what_happened: 'A courier at night.', danger: 'no' } });

    const sup = await web.signedIn('supervisor');
    await sup.getByRole('link', { name: c.reference, exact: true }).click();
    const access = await openPanel(sup, 'Access');
    const form = access.getByRole('form', { name: 'Exclude from the case' });
    const exclude = async () => {
      await form.getByRole('combobox', { name: 'Exclude' }).selectOption({
        label: 'Sup Two (manages the case: needs an approval)',
      });
      await form.getByRole('combobox', { name: 'Reason' }).selectOption({ label: 'Conflict of interest' });
      await form.getByRole('button', { name: 'Exclude' }).click();
    };
    await exclude();
    await form.getByText('Sup Two manages this case. Excluding them needs an approved request').waitFor();

    await askApproval(sup, 'Exclude another manager of the case, or the last holder of one of its keys', 'Sup Two');
    await approveWaiting(await web.signedIn('sup3'));

    await openPanel(sup, 'Access');
    await exclude();
    await form.getByText('is excluded from this case.').waitFor();
    await access.getByRole('button', { name: 'Lift exclusion of Sup Two' }).waitFor();
  });

  it('closes a case a handler asks to close once a supervisor approves', async () => {
    const c = await submitCase(web.t, { answers: { what_happened: 'A van at the gate.', danger: 'no' } });
    const api = await actor(web.t, 'supervisor');
    expect(
      (await api.send('POST', `/api/v1/cases/${c.id}/grants`, { userId: web.t.users.handler.id })).statusCode,
    ).toBe(201);

    const handler = await web.signedIn('handler');
    await handler.getByRole('link', { name: c.reference, exact: true }).click();
    await openPanel(handler, 'Status');
    const status = handler.getByRole('form', { name: 'Change status' });
    await status.getByRole('combobox', { name: 'New status' }).selectOption('closed');
    await status.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Duplicate' });
    await status.getByText('This needs an approved request “Close the case” of yours on this case.').waitFor();

    await askApproval(handler, 'Close the case');
    await approveWaiting(await web.signedIn('supervisor'));

    await handler.reload();
    await openPanel(handler, 'Status');
    await status.getByRole('combobox', { name: 'New status' }).selectOption('closed');
    await status.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Duplicate' });
    await status.getByRole('combobox', { name: 'Approval' }).waitFor();
    await status.getByRole('button', { name: 'Change status' }).click();
    await handler.getByText('Status changed to Closed.').waitFor();
  });
});
