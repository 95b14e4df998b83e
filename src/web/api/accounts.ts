/**
 * The staff account endpoints: recovery with the recovery key, the signed-in user's own account (two-factor
 * sign-in, password) and the administrator's users API. Spread into the staff API by `createStaffApi`.
 */
import {
  AccountView,
  ActivatedSession,
  ApprovedInvitation,
  CreatedUser,
  DisabledUser,
  LanguageChangeRequest,
  StaffSession,
  TotpEnrolment,
  TotpState,
  UserList,
  UserResponse,
  type CreateUserRequest,
} from '../../shared/accounts.ts';
import type { Language } from '../../i18n/languages.ts';
import type { ApiClient } from './client.ts';
import type { UserAction } from '../lib/accounts.ts';

const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

export function createAccountsApi(client: ApiClient) {
  return {
    /**
     * Signed out, password lost: the recovery key sets a new password and signs in.
     * @throws ApiError 401 `unauthorized` (wrong username or key), `totp_required`, `totp_invalid`; 400 `weak_password`
     */
    async recoverAccount(input: {
      username: string;
      recoveryKey: string;
      newPassword: string;
      code?: string;
    }): Promise<StaffSession> {
      const session = await client.request('POST', '/session/recover', StaffSession, {
        body: input,
        redirectOnUnauthorized: false,
      });
      client.setCsrfToken(session.csrfToken);
      return session;
    },
    /**
     * Signed out, invited: both invitation codes and a password of one's own activate the account and sign in.
     * @returns the session and the recovery key, shown this once
     * @throws ApiError 401 `invitation_invalid` (wrong, expired or used code); 409 `invitation_not_approved`;
     *   400 `weak_password`
     */
    async activateAccount(input: {
      username: string;
      invitation: string;
      approval: string;
      newPassword: string;
    }): Promise<ActivatedSession> {
      const session = await client.request('POST', '/session/activate', ActivatedSession, {
        body: input,
        redirectOnUnauthorized: false,
      });
      client.setCsrfToken(session.csrfToken);
      return session;
    },
    getAccount(signal?: AbortSignal): Promise<AccountView> {
      return client.request('GET', '/account', AccountView, { signal });
    },
    /** Starts (or restarts) setting up two-factor sign-in. @throws ApiError 409 `totp_already_enabled` */
    startTotp(): Promise<TotpEnrolment> {
      return client.request('POST', '/account/totp', TotpEnrolment);
    },
    /** @throws ApiError 400 `totp_invalid` */
    confirmTotp(code: string): Promise<TotpState> {
      return client.request('POST', '/account/totp/confirm', TotpState, { body: { code } });
    },
    /** @throws ApiError 400 `totp_invalid`, 429 after repeated wrong codes */
    turnOffTotp(code: string): Promise<TotpState> {
      return client.request('POST', '/account/totp/disable', TotpState, { body: { code } });
    },
    /** Stores my own language (workspace and notice mails). @returns the language stored */
    async setLanguage(language: Language): Promise<Language> {
      return (await client.request('PUT', '/account/language', LanguageChangeRequest, { body: { language } })).language;
    },
    /** @throws ApiError 400 `wrong_password` or `weak_password` */
    changePassword(currentPassword: string, newPassword: string): Promise<void> {
      return client.requestNoContent('POST', '/account/password', { body: { currentPassword, newPassword } });
    },
    listUsers(signal?: AbortSignal): Promise<UserList> {
      return client.request('GET', '/users', UserList, { signal });
    },
    /** @returns the account (not activated) and its first one-time invitation code, which is never shown again */
    createUser(input: CreateUserRequest): Promise<CreatedUser> {
      return client.request('POST', '/users', CreatedUser, { body: input });
    },
    /** A new first invitation code (to be approved anew). @throws ApiError 409 `already_activated` */
    reissueInvitation(id: string): Promise<CreatedUser> {
      return client.request('POST', `${userPath(id)}/invitation`, CreatedUser);
    },
    /**
     * A second administrator approves an invitation. @returns the second one-time code, never shown again
     * @throws ApiError 409 `own_invitation` | `already_approved` | `invitation_expired`
     */
    approveInvitation(id: string): Promise<ApprovedInvitation> {
      return client.request('POST', `${userPath(id)}/invitation/approve`, ApprovedInvitation);
    },
    /** @returns the account; after disabling, also a warning when some identities no one else can open */
    async userAction(id: string, action: UserAction): Promise<UserResponse & { warning?: string | null }> {
      if (action === 'disable') return client.request('POST', `${userPath(id)}/disable`, DisabledUser);
      return client.request('POST', `${userPath(id)}/${action}`, UserResponse);
    },
  };
}
