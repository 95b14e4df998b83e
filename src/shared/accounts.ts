/**
 * Shapes of the staff account endpoints: sign-in with a TOTP code, recovery with the recovery key, a user's own
 * account (two-factor sign-in, password) and the administrator's users API. Shared by the server (schemas,
 * OpenAPI) and the staff workspace.
 */
import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { userText } from './text.ts';
import { Role, SessionRequest, SessionResponse } from './api.ts';

/** A 6-digit TOTP code (RFC 6238) as typed: spaces and dashes are ignored by the server. */
export const TotpCode = z.string().trim().max(20);

/** Where the user stands with two-factor sign-in. `required` and not `enabled`: the session may only set it up. */
export const TotpState = z.object({
  enabled: z.boolean(),
  /** Set-up was started and waits for the first code. */
  pending: z.boolean(),
  /** The user's role must use TOTP (CONFIDE_TOTP_REQUIRED_ROLES). */
  required: z.boolean(),
});
export type TotpState = z.infer<typeof TotpState>;

/** A shipped language's BCP 47 tag ('en', 'zh-CN', 'ar'). */
export const LanguageTag = z.enum(LANGUAGES);
/** The staff member's own language (Account page); null until chosen (the browser's is used then). */
export const StaffLanguage = LanguageTag.nullable();

/** POST /session: the TOTP code is needed when the user has two-factor sign-in on (asked for after the password). */
export const SignInRequest = SessionRequest.extend({ code: TotpCode.optional() });
/** The session with where the user stands with TOTP. */
export const StaffSession = SessionResponse.extend({ totp: TotpState, language: StaffLanguage });
export type StaffSession = z.infer<typeof StaffSession>;

/** POST /session/recover: lost password → the recovery key restores the private key under a new password. */
export const RecoverRequest = z.object({
  username: z.string().min(1).max(200),
  recoveryKey: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(1000),
  code: TotpCode.optional(),
});

/**
 * POST /session/activate: the person an administrator invited chooses their own password with the two one-time
 * invitation codes — `invitation` from the administrator who issued it, `approval` from the one who approved it;
 * their keys and recovery key are created then.
 */
export const ActivateRequest = z.object({
  username: z.string().min(1).max(200),
  invitation: z.string().min(1).max(200),
  approval: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(1000),
});
/** The new session, with the recovery key: shown to the activating person only, once; it is never stored. */
export const ActivatedSession = StaffSession.extend({ recoveryKey: z.string() });
export type ActivatedSession = z.infer<typeof ActivatedSession>;

/** POST /account/totp: the pending set-up, for an authenticator app. */
export const TotpEnrolment = z.object({
  /** `otpauth://totp/Confide:<username>?secret=…&issuer=Confide…` (what the QR code holds). */
  uri: z.string(),
  /** The same secret in base32, to type in by hand. */
  secret: z.string(),
  /** The QR code (SVG) of the pending set-up, on this origin. */
  qrUrl: z.string(),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const TotpCodeRequest = z.object({ code: TotpCode.min(1) });

export const AccountView = z.object({ totp: TotpState, language: StaffLanguage });
export type AccountView = z.infer<typeof AccountView>;

export const PasswordChangeRequest = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(1).max(1000),
});

/** PUT /account/language: the workspace and notice-mail language of my own account. */
export const LanguageChangeRequest = z.object({ language: LanguageTag });

/** One staff account as the administrator sees it: no key, secret or password-derived value ever. */
export const UserListItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  email: z.string().nullable(),
  disabled: z.boolean(),
  totpEnabled: z.boolean(),
  /** The role must use TOTP (configuration), whether or not it is set up yet. */
  totpRequired: z.boolean(),
  /** An administrator reset the password; the user has not yet chosen a new one with the recovery key. */
  passwordResetPending: z.boolean(),
  /** Category ids this user works on; null for every category. */
  categories: z.array(z.string()).nullable(),
  /** The person has chosen their own password (an invitation not yet used: false; they cannot sign in yet). */
  activated: z.boolean(),
  /** When the pending invitation code stops working (null once activated). */
  invitationExpiresAt: z.string().nullable(),
  /** A second administrator approved the pending invitation and holds its second code (true once activated). */
  invitationApproved: z.boolean(),
  /** Whether the viewer may approve it: they did not issue it. */
  canApproveInvitation: z.boolean(),
});
export type UserListItem = z.infer<typeof UserListItem>;
export const UserList = z.object({ users: z.array(UserListItem) });
export type UserList = z.infer<typeof UserList>;

export const CreateUserRequest = z.object({
  username: z.string().min(1).max(200),
  displayName: userText().trim().max(200).optional(),
  role: Role,
  email: z.string().max(254).optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;
/**
 * A one-time invitation code: in this response only (only its hash is stored). The administrator hands it to the
 * named person in person; with both codes — the issuer's and the approver's — the person activates the account and
 * chooses a password of their own before `expiresAt`.
 */
export const Invitation = z.object({ code: z.string(), expiresAt: z.string() });
export type Invitation = z.infer<typeof Invitation>;
/** The account created (not yet activated: no password, no keys) and the first of its two invitation codes. */
export const CreatedUser = z.object({ user: UserListItem, invitation: Invitation });
export type CreatedUser = z.infer<typeof CreatedUser>;
/** The invitation approved: the second code, for the approving administrator to hand to the named person. */
export const ApprovedInvitation = z.object({ user: UserListItem, approval: Invitation });
export type ApprovedInvitation = z.infer<typeof ApprovedInvitation>;
/**
 * After disabling: how many reports' identities no other enabled account can open, and a warning saying so (null
 * when none).
 */
export const DisabledUser = z.object({
  user: UserListItem,
  soleIdentityReports: z.number().int(),
  warning: z.string().nullable(),
});
export type DisabledUser = z.infer<typeof DisabledUser>;
/** One account after an administrator's action on it. */
export const UserResponse = z.object({ user: UserListItem });
export type UserResponse = z.infer<typeof UserResponse>;

export const UserParams = z.object({ id: z.string().uuid() });

/** PUT /users/{id}/categories: category ids of the profile in force, or null for every category; [] for none. */
export const UserCategoriesRequest = z.object({ categories: z.array(z.string().max(100)).max(200).nullable() });
