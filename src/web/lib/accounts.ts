/** Plain words for staff accounts on the Users page. */
import type { UserListItem } from '../../shared/accounts.ts';

/** What an administrator can do to an account from the Users page. */
export type UserAction = 'disable' | 'enable' | 'password-reset' | 'totp-reset';

/** The account's state in a few words: disabled, invited, waiting for a new password, or active. */
export function accountStatus(user: UserListItem): string {
  if (user.disabled) return 'Disabled';
  if (!user.activated)
    return user.invitationApproved
      ? 'Invited: not activated yet'
      : 'Invited: waiting for a second administrator to approve';
  if (user.passwordResetPending) return 'Password reset: waiting for a new one';
  return 'Active';
}

export function totpStatus(user: UserListItem): string {
  if (user.totpEnabled) return 'On';
  return user.totpRequired ? 'Not set up yet (required)' : 'Off';
}

export function categoriesText(user: UserListItem): string {
  return user.categories === null ? 'Every category' : user.categories.join(', ') || 'None';
}

/** What each action does, said before it is confirmed, and the button that confirms it. */
export const ACTION_TEXT: Record<UserAction, { button: string; confirm: (name: string) => string; done: string }> = {
  'password-reset': {
    button: 'Reset password',
    confirm: (name) =>
      `Reset the password of ${name}? Their password stops working and every session they have ends at once. You cannot set a new one for them: they choose it themselves on the sign-in page with their recovery key.`,
    done: 'Password reset. Tell them to choose a new one with their recovery key ("Forgot your password?").',
  },
  'totp-reset': {
    button: 'Turn off two-factor',
    confirm: (name) =>
      `Turn off two-factor sign-in for ${name} (a lost phone)? Their sessions end at once and they sign in with the password alone until they set it up again. Make sure it is really them who asked.`,
    done: 'Two-factor sign-in turned off; their sessions have ended.',
  },
  disable: {
    button: 'Disable',
    confirm: (name) =>
      `Disable the account of ${name}? They can no longer sign in, and every session they have ends at once. For an identity custodian you will be told how many reports' identities no one else can open.`,
    done: 'Account disabled; their sessions have ended.',
  },
  enable: {
    button: 'Enable',
    confirm: (name) =>
      `Enable the account of ${name} again? They sign in with their password as before, and every case granted to them opens again.`,
    done: 'Account enabled again.',
  },
};

/**
 * The actions an account offers: enabling once disabled; disabling only while not yet activated (a new code comes
 * from "New invitation code"); turning off two-factor only when it is on.
 */
export function actionsFor(user: UserListItem): UserAction[] {
  if (user.disabled) return ['enable'];
  if (!user.activated) return ['disable'];
  return user.totpEnabled ? ['password-reset', 'totp-reset', 'disable'] : ['password-reset', 'disable'];
}
