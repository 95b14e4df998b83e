import { describe, expect, it } from 'vitest';
import type { UserListItem } from '../../shared/accounts.ts';
import { accountStatus, actionsFor, categoriesText, totpStatus } from './accounts.ts';

const user = (over: Partial<UserListItem> = {}): UserListItem => ({
  id: 'u1',
  username: 'sam',
  displayName: 'Sam',
  role: 'handler',
  email: null,
  disabled: false,
  totpEnabled: false,
  totpRequired: false,
  passwordResetPending: false,
  categories: null,
  activated: true,
  invitationExpiresAt: null,
  invitationApproved: true,
  canApproveInvitation: false,
  ...over,
});

describe('staff accounts in words', () => {
  it('offers turning off two-factor only when it is on, and nothing for a disabled account', () => {
    expect(actionsFor(user())).toEqual(['password-reset', 'disable']);
    expect(actionsFor(user({ totpEnabled: true }))).toEqual(['password-reset', 'totp-reset', 'disable']);
    expect(actionsFor(user({ disabled: true, totpEnabled: true }))).toEqual(['enable']);
    expect(actionsFor(user({ activated: false }))).toEqual(['disable']);
  });

  it('says the account and two-factor state plainly', () => {
    expect(accountStatus(user())).toBe('Active');
    expect(accountStatus(user({ passwordResetPending: true }))).toBe('Password reset: waiting for a new one');
    expect(accountStatus(user({ disabled: true, passwordResetPending: true }))).toBe('Disabled');
    expect(accountStatus(user({ activated: false }))).toBe('Invited: not activated yet');
    expect(totpStatus(user({ totpEnabled: true }))).toBe('On');
    expect(totpStatus(user({ totpRequired: true }))).toBe('Not set up yet (required)');
    expect(totpStatus(user())).toBe('Off');
    expect(categoriesText(user())).toBe('Every category');
    expect(categoriesText(user({ categories: ['espionage', 'leak'] }))).toBe('espionage, leak');
    expect(categoriesText(user({ categories: [] }))).toBe('None');
  });
});
