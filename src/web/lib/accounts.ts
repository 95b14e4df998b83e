/** Plain words for staff accounts on the Users page. */
import type { UserListItem } from '../../shared/accounts.ts';
import { i18n } from '../i18n/language.ts';

/** What an administrator can do to an account from the Users page. */
export type UserAction = 'disable' | 'enable' | 'password-reset' | 'totp-reset';

/** The account's state in a few words: disabled, invited, waiting for a new password, or active. */
export function accountStatus(user: UserListItem): string {
  if (user.disabled) return i18n.t('accounts.status.disabled');
  if (!user.activated)
    return user.invitationApproved ? i18n.t('accounts.status.invited') : i18n.t('accounts.status.awaitingApproval');
  if (user.passwordResetPending) return i18n.t('accounts.status.resetPending');
  return i18n.t('accounts.status.active');
}

export function totpStatus(user: UserListItem): string {
  if (user.totpEnabled) return i18n.t('accounts.totp.on');
  return user.totpRequired ? i18n.t('accounts.totp.required') : i18n.t('accounts.totp.off');
}

export function categoriesText(user: UserListItem): string {
  if (user.categories === null) return i18n.t('accounts.everyCategory');
  return user.categories.join(i18n.t('accounts.listSeparator')) || i18n.t('accounts.none');
}

/**
 * What an action does, said before it is confirmed (`confirm(name)`), the button that asks and the one that confirms it, and what
 * is said once it is done; in the workspace's language.
 */
export function actionText(action: UserAction): {
  button: string;
  confirm: (name: string) => string;
  yes: string;
  done: string;
} {
  return {
    button: i18n.t(`accounts.actions.${action}.button`),
    yes: i18n.t(`accounts.actions.${action}.yes`),
    confirm: (name) => i18n.t(`accounts.actions.${action}.confirm`, { name }),
    done: i18n.t(`accounts.actions.${action}.done`),
  };
}

/**
 * The actions an account offers: enabling once disabled; disabling only while not yet activated (a new code comes
 * from "New invitation code"); turning off two-factor only when it is on.
 */
export function actionsFor(user: UserListItem): UserAction[] {
  if (user.disabled) return ['enable'];
  if (!user.activated) return ['disable'];
  return user.totpEnabled ? ['password-reset', 'totp-reset', 'disable'] : ['password-reset', 'disable'];
}
