/**
 * Staff accounts in the workspace, in Debian's Chromium: an administrator opens the Users page and invites a
 * handler (the first invitation code shown once); a second administrator approves (the second code shown to them
 * once); the handler activates the account on the sign-in page with both codes and a password of their own and alone
 * sees the recovery key; the handler, whose role must use two-factor sign-in, can only set it up
 * (QR code from the app's own origin, or the key typed by hand) and then works; the administrator resets the
 * handler's password, which ends the handler's session; the handler chooses a new password with the recovery key
 * and the code from the app. The server runs on a clock the test moves, so each code belongs to a fresh step.
 */
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/app.ts';
import { addStaff } from '../helpers/staff-work.ts';
import { HAVE_CHROMIUM } from './browser.ts';
import { servedApp } from './workspace.ts';

const NEW_PASSWORD = 'a brand new passphrase 2026';

describe.runIf(HAVE_CHROMIUM)('staff accounts in the workspace', () => {
  let clock = Math.floor(Date.now() / 30_000) * 30_000;
  const web = servedApp({ now: () => new Date(clock), env: { CONFIDE_TOTP_REQUIRED_ROLES: 'handler' } });

  /** The code an authenticator app shows at the server's clock, one step later each time. */
  const nextCode = (secret: string) => {
    clock += 30_000;
    return new TOTP({ secret: Secret.fromBase32(secret.replace(/ /g, '')) }).generate({ timestamp: clock });
  };

  it('creates an account, sets up two-factor sign-in, resets the password and recovers with the recovery key', async () => {
    const admin = await web.staffPage();
    await web.fillSignIn(admin, 'administrator', PASSWORD);
    await admin.getByRole('heading', { name: 'Work waiting for you' }).waitFor();
    await admin.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('heading', { name: 'Staff accounts' }).waitFor();
    await admin.getByRole('textbox', { name: 'Username' }).fill('hedda');
    await admin.getByRole('textbox', { name: 'Full name' }).fill('Hedda Gabler');
    await admin.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Handler' });
    await admin.getByRole('button', { name: 'Create account' }).click();
    const codeBox = admin.getByRole('group', { name: 'Invitation code' });
    await codeBox.getByText('This is the only time the code is shown.').waitFor();
    const invitation = await codeBox.locator('code').innerText();
    expect(invitation).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    await admin.getByRole('button', { name: 'I have written it down — hide the code' }).click();
    const row = admin.getByRole('row', { name: /Hedda Gabler/ });
    await row.getByText('Invited: waiting for a second administrator to approve').waitFor();
    // The invitation works only once a second administrator approves it (two-person rule).
    await addStaff(web.t.deps, 'admin2', 'administrator');
    const second = await web.staffPage();
    await web.fillSignIn(second, 'admin2', PASSWORD);
    // The second administrator's home shows the invitation waiting for them; it leads to the Users page.
    await second.getByRole('link', { name: 'Invitation of Hedda Gabler: approve it' }).click();
    const secondRow = second.getByRole('row', { name: /Hedda Gabler/ });
    await secondRow.getByRole('button', { name: 'Approve invitation Hedda Gabler' }).click();
    const approvalBox = second.getByRole('group', { name: 'Second invitation code' });
    await approvalBox.getByText('Give it to Hedda Gabler in person, and only to Hedda Gabler').waitFor();
    const approval = await approvalBox.locator('code').innerText();
    expect(approval).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    expect(approval).not.toBe(invitation);
    await second.getByRole('button', { name: 'I have written it down — hide the code' }).click();
    await secondRow.getByText('Invited: not activated yet').waitFor();
    expect(await second.getByRole('group', { name: 'Second invitation code' }).count()).toBe(0);

    // Hedda activates the account herself; the recovery key is shown to her, never to the administrator.
    const hedda = await web.staffPage();
    await hedda.getByRole('button', { name: 'New here? Activate your account with your invitation codes' }).click();
    await hedda.getByRole('heading', { name: 'Activate your account' }).waitFor();
    await hedda.getByRole('textbox', { name: 'Username' }).fill('hedda');
    await hedda.getByRole('textbox', { name: 'First invitation code' }).fill(invitation);
    await hedda.getByRole('textbox', { name: 'Second invitation code' }).fill(approval);
    await hedda.getByLabel('New password', { exact: true }).fill(PASSWORD);
    await hedda.getByLabel('New password again').fill(PASSWORD);
    await hedda.getByRole('button', { name: 'Activate and sign in' }).click();
    const keyBox = hedda.getByRole('group', { name: 'Recovery key' });
    await keyBox.getByText('This is the only time the key is shown.').waitFor();
    const recoveryKey = await keyBox.locator('code').innerText();
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}( [0-9A-Z]{4}){7}$/);
    await hedda.getByRole('button', { name: 'I have written it down — continue' }).click();
    await admin.reload();
    await row.getByText('Not set up yet (required)').waitFor();

    // The handler's role must use TOTP: the account page is all there is until it is set up.
    await hedda.getByRole('heading', { name: 'Your account' }).waitFor();
    await hedda.getByText('Set up two-factor sign-in below to continue to your work.').waitFor();
    await hedda.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const qr = hedda.getByRole('img', { name: 'QR code holding the key for your authenticator app' });
    await qr.waitFor();
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const secret = await hedda.locator('code.secret-key').innerText();
    expect(secret).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/);
    await hedda.getByRole('textbox', { name: 'Code from your authenticator app' }).fill(nextCode(secret));
    await hedda.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await hedda.getByRole('heading', { name: 'Cases' }).waitFor();
    await hedda.getByRole('link', { name: 'Account' }).click();
    await hedda.getByText('Two-factor sign-in is on').waitFor();

    // The administrator resets the password: the handler's session ends at once.
    await admin.reload();
    await row.getByText('On', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Reset password Hedda Gabler' }).click();
    await admin.getByRole('button', { name: 'Yes, reset password' }).click();
    await row.getByText('Password reset: waiting for a new one').waitFor();
    await hedda.reload();
    await hedda.getByRole('heading', { name: 'Sign in' }).waitFor();
    await web.fillSignIn(hedda, 'hedda', PASSWORD);
    await hedda.getByText('An administrator has reset your password, so it no longer works.').waitFor();

    await hedda.getByRole('button', { name: 'Forgot your password? Use your recovery key' }).click();
    await hedda.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await expect(hedda.getByRole('textbox', { name: 'Username' }).inputValue()).resolves.toBe('hedda');
    await hedda.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey.toLowerCase());
    await hedda.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await hedda.getByLabel('New password again').fill(NEW_PASSWORD);
    await hedda.getByRole('button', { name: 'Set the new password and sign in' }).click();
    const code = hedda.getByRole('textbox', { name: 'Code from your authenticator app' });
    await code.waitFor();
    // What was typed is still there while the code is asked for.
    await expect(hedda.getByRole('textbox', { name: 'Recovery key' }).inputValue()).resolves.toBe(
      recoveryKey.toLowerCase(),
    );
    await code.fill(nextCode(secret));
    await hedda.getByRole('button', { name: 'Set the new password and sign in' }).click();
    // Signed in where the session ended: the account page.
    await hedda.getByRole('heading', { name: 'Your account' }).waitFor();
    await hedda.getByText('Two-factor sign-in is on').waitFor();

    // Signing in again: the new password, then the code.
    await hedda.getByRole('button', { name: 'Sign out' }).click();
    await web.fillSignIn(hedda, 'hedda', NEW_PASSWORD);
    const signInCode = hedda.getByRole('textbox', { name: 'Code from your authenticator app' });
    await signInCode.fill(nextCode(secret));
    await hedda.getByRole('button', { name: 'Sign in' }).click();
    await hedda.getByRole('heading', { name: 'Cases' }).waitFor();
    await admin.reload();
    await row.getByText('Active').waitFor();
  });
});
