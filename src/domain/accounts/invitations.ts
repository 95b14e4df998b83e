/**
 * Invitations: how an administrator creates a staff account without ever knowing its password or recovery key
 * (DESIGN: an administrator may not read any report content or identity, so must not be able to sign in as a
 * supervisor, custodian or handler). The account is created without keys. An invitation is two one-time codes held
 * by two administrators (two-person rule): the issuing administrator gets the first, and a second administrator —
 * never the issuer, never the invited person — approves it and gets the second. Each hands their code to the named
 * person in person; only the codes' BLAKE2b hashes are stored, until they are used or expire. The person activates
 * the account with their username, both codes and a password of their own: only then are their X25519 key pair, the
 * password wrap and the recovery key created, and the recovery key is shown to them alone. So neither administrator
 * alone holds what activates the account (issue 8 item 1: with one code, its issuer activated the account after a
 * good-faith approval). Until then the account cannot sign in, and nothing is sealed to it (every query that seals
 * to users' public keys asks for `activated_at is not null`).
 */
import { createUserKeys, unlockWithPassword } from '../../crypto/keyring.ts';
import { equal, hash, randomBytes } from '../../crypto/sodium.ts';
import type { StaffUser } from '../../shared/api.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { DomainError, errors } from '../errors.ts';
import { insertUser, keyColumns, NO_KEYS } from './users.ts';
import { checkPasswordLength, checkPasswordStrength, isPasswordRefusal } from './passwords.ts';
import { startStaffSession, type StaffSignIn } from './sign-in.ts';
import { asActivationAttempt } from '../throttle.ts';
import { HOUR } from '../../shared/time.ts';
import { inTransaction } from '../../store/transaction.ts';
import {
  activateUserRow,
  findInvitationState,
  findUserByName,
  updatePendingInvitation,
  userExists,
} from '../../store/users.ts';

/** How long an invitation's codes work: from issuing the first, and again from the approval that adds the second. */
export const INVITATION_HOURS = 72;
/** 20 random bytes: 160 bits, 32 Crockford base32 characters. */
const CODE_BYTES = 20;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh invitation code: 32 Crockford base32 characters (160 random bits) in 8 groups of 4, dash-separated. */
function newCode(): string {
  const bytes = randomBytes(CODE_BYTES);
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD[(value >>> bits) & 31];
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** The stored form of a typed code: hex BLAKE2b of its canonical form (case, spaces, dashes, I/L/O forgiven). */
export function invitationHash(code: string): string {
  const canonical = code
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return hash(`confide-invitation:${canonical}`).toString('hex');
}

/** A code handed out: shown once to one administrator, who gives it to the named person in person. */
export interface Invitation {
  code: string;
  expiresAt: string;
}

function issue(deps: Pick<Deps, 'now'>): Invitation & { hash: string } {
  const code = newCode();
  const expiresAt = new Date(deps.now().getTime() + INVITATION_HOURS * HOUR).toISOString();
  return { code, expiresAt, hash: invitationHash(code) };
}

/**
 * An administrator creates a staff account by invitation: no keys, no password, audited `user.create`.
 * @returns the user and the first invitation code (in this answer only; it is not stored). It works only with the
 *   second code, which a second administrator's approval makes (`approveInvitation`).
 * @throws DomainError invalid_username | unknown_role | username_taken
 */
export async function inviteUser(
  deps: Deps,
  input: { username: string; role: string; displayName?: string; actor: string },
): Promise<{ user: StaffUser; invitation: Invitation }> {
  const { hash: codeHash, ...invitation } = issue(deps);
  const user = await insertUser(deps, input, {
    ...NO_KEYS,
    activated_at: null,
    invitation_hash: codeHash,
    invitation_expires_at: invitation.expiresAt,
    invitation_approval_hash: null,
    invited_by: input.actor,
    invitation_approved_by: null,
  });
  return { user, invitation };
}

/**
 * A new first invitation code for an account not yet activated (the codes expired or were lost): both old codes stop
 * working, and the invitation needs approving anew (a new second code) by an administrator other than `actor`.
 * Audited `user.invitation`.
 * @throws DomainError not_found | already_activated (409)
 */
export async function reissueInvitation(deps: Deps, userId: string, actor: string): Promise<Invitation> {
  const { hash: codeHash, ...invitation } = issue(deps);
  await inTransaction(deps.db, async (trx) => {
    // A new code needs a new approval: otherwise one administrator could re-issue an approved invitation to themselves.
    const reissued = await updatePendingInvitation(trx, userId, {
      invitation_hash: codeHash,
      invitation_approval_hash: null,
      invitation_expires_at: invitation.expiresAt,
      invited_by: actor,
      invitation_approved_by: null,
    });
    if (!reissued) {
      if (!(await userExists(trx, userId))) throw errors.notFound('No such user.');
      throw errors.conflict(
        'already_activated',
        'This account has been activated: its owner chose a password. If they lost it, they use their recovery key; you can require a new password.',
      );
    }
    await audit(deps, trx, { actor, action: 'user.invitation', subject: `user:${userId}` });
  });
  return invitation;
}

/**
 * A second administrator approves an invitation (two-person rule): never the one who issued it, nor the invited
 * person. The approval makes the second code, which this administrator hands to the named person in person — never
 * to the issuer, who holds the first. Both codes then work for INVITATION_HOURS from now. Audited
 * `user.invitation_approve`. A server operator without a second administrator uses `npx confide user add` instead.
 * @returns the second code (in this answer only; it is not stored)
 * @throws DomainError not_found | conflict/own_invitation | conflict/already_activated | conflict/already_approved |
 *   conflict/invitation_expired
 */
export async function approveInvitation(deps: Deps, userId: string, actor: string): Promise<Invitation> {
  const { hash: codeHash, ...approval } = issue(deps);
  await inTransaction(deps.db, async (trx) => {
    const row = await findInvitationState(trx, userId);
    if (!row) throw errors.notFound('No such user.');
    if (row.activated_at !== null)
      throw errors.conflict('already_activated', 'This account has been activated already.');
    if (row.invited_by === actor || row.id === actor)
      throw errors.conflict(
        'own_invitation',
        'You issued this invitation: another administrator must approve it (two-person rule).',
      );
    if (row.invitation_expires_at === null || row.invitation_expires_at <= deps.now().toISOString())
      throw errors.conflict(
        'invitation_expired',
        'This invitation has expired. Make a new invitation code first (“New invitation code”); then another administrator approves it.',
      );
    const approved = await updatePendingInvitation(
      trx,
      userId,
      { invitation_approved_by: actor, invitation_approval_hash: codeHash, invitation_expires_at: approval.expiresAt },
      { unapprovedOnly: true },
    );
    if (!approved) throw errors.conflict('already_approved', 'This invitation has been approved already.');
    await audit(deps, trx, { actor, action: 'user.invitation_approve', subject: `user:${userId}` });
  });
  return approval;
}

export const WRONG_INVITATION =
  'Wrong username or invitation codes, or the codes have expired or been used. Check all three, or ask an administrator for a new invitation.';

/**
 * The person activates their account: both invitation codes — the issuer's and the approver's — must match, be
 * unused and unexpired, and the account enabled. Their key pair is created, wrapped under their new password and a
 * new recovery key; the codes are used up (a conditional update, so two requests with them succeed at most once),
 * and they are signed in. Unknown user, a wrong, expired or used code and a disabled account get the same answer.
 * Throttled per username (`asActivationAttempt`, its own count); a refused new password is no failed guess.
 * @returns a session, as `signIn` does, and the recovery key (shown to them once, never stored)
 * @throws DomainError weak_password | long_password (400; a weak one only once both codes are right) |
 *   conflict/invitation_not_approved (409: the first code
 *   is right and no second administrator has approved yet) | unauthorized/invitation_invalid (401) |
 *   too_many_attempts (429)
 */
export async function activateAccount(
  deps: Deps,
  input: ActivateInput,
): Promise<StaffSignIn & { recoveryKey: string }> {
  return asActivationAttempt(deps, input.username, () => activateWithCodes(deps, input), isPasswordRefusal);
}

type ActivateInput = { username: string; invitation: string; approval: string; newPassword: string };

async function activateWithCodes(deps: Deps, input: ActivateInput): Promise<StaffSignIn & { recoveryKey: string }> {
  checkPasswordLength(input.newPassword);
  const row = await findUserByName(deps.db, input.username.trim().toLowerCase());
  const at = deps.now().toISOString();
  const matches = (stored: string | null, typed: string) =>
    stored !== null && equal(Buffer.from(stored, 'hex'), Buffer.from(invitationHash(typed), 'hex'));
  const first =
    row !== undefined &&
    row.activated_at === null &&
    row.disabled_at === null &&
    row.invitation_expires_at !== null &&
    row.invitation_expires_at > at &&
    matches(row.invitation_hash, input.invitation);
  // The right first code, before a second administrator approved it: say so (the person holding the code may know).
  if (first && row.invitation_approval_hash === null) {
    await inTransaction(deps.db, (trx) =>
      audit(deps, trx, { actor: row.id, action: 'account.activate.failed', reason: 'not approved' }),
    );
    throw errors.conflict(
      'invitation_not_approved',
      'Your invitation is waiting for a second administrator to approve it. They will give you the second code in person; try again once you have it.',
    );
  }
  const valid = first && matches(row.invitation_approval_hash, input.approval);
  const refused = new DomainError('unauthorized', 'invitation_invalid', WRONG_INVITATION);
  const fail = async (reason: string | null): Promise<never> => {
    await inTransaction(deps.db, (trx) =>
      audit(deps, trx, { actor: row?.id ?? null, action: 'account.activate.failed', reason }),
    );
    throw refused;
  };
  if (!valid || !row) {
    const expired = row?.invitation_expires_at != null && row.invitation_expires_at <= at;
    // The first code right and the second wrong is what its issuer alone would try: oversight sees it in the log.
    return fail(expired ? 'expired' : first ? 'approval code' : null);
  }
  // Estimated only now that both codes are right: it runs on the event loop.
  checkPasswordStrength(input.newPassword, [row.username, row.display_name]);
  const keys = await createUserKeys(input.newPassword, deps.argon2);
  const used = await inTransaction(deps.db, async (trx) => {
    const activated = await activateUserRow(
      trx,
      row.id,
      { ...keyColumns(keys), activated_at: at },
      { invitationHash: row.invitation_hash, approvalHash: row.invitation_approval_hash },
    );
    if (!activated) return false;
    await audit(deps, trx, { actor: row.id, action: 'account.activate', subject: `user:${row.id}` });
    return true;
  });
  if (!used) return fail('used');
  // The session needs the private key: unlock it with the password just set (one more Argon2id, at activation only).
  const secretKey = await unlockWithPassword(
    input.newPassword,
    {
      passwordSalt: keys.passwordSalt,
      passwordVerifier: keys.passwordVerifier,
      wrappedSecretKey: keys.wrappedSecretKey,
    },
    deps.argon2,
  );
  if (!secretKey) throw new Error('a key pair just created does not open with its own password');
  const session = await startStaffSession(deps, { ...row, totp_enabled_at: null, totp_sealed_secret: null }, secretKey);
  return { ...session, recoveryKey: keys.recoveryKey };
}
