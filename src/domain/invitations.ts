/**
 * Invitations: how an administrator creates a staff account without ever knowing its password or recovery key
 * (DESIGN: an administrator may not read any report content or identity, so must not be able to sign in as a
 * supervisor, custodian or handler). The administrator creates the account without keys and gets a one-time code
 * to hand over in person; only the code's BLAKE2b hash is stored, until it expires. The person activates the
 * account with their username, the code and a password of their own: only then are their X25519 key pair, the
 * password wrap and the recovery key created, and the recovery key is shown to them alone. Until then the account
 * cannot sign in, and nothing is sealed to it (every query that seals to users' public keys asks for
 * `activated_at is not null`).
 */
import { createUserKeys, unlockWithPassword } from '../crypto/keyring.ts';
import { equal, hash, randomBytes } from '../crypto/sodium.ts';
import type { StaffUser } from '../shared/api.ts';
import { audit } from './audit.ts';
import type { Deps } from './deps.ts';
import { DomainError, errors } from './errors.ts';
import { checkNewPassword, insertUser, keyColumns, NO_KEYS, startStaffSession } from './users.ts';
import type { TotpState } from './totp.ts';

/** How long an invitation code works. */
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

/** A code handed out: shown once to the administrator, who gives it to the person in person. */
export interface Invitation {
  code: string;
  expiresAt: string;
}

function issue(deps: Pick<Deps, 'now'>): Invitation & { hash: string } {
  const code = newCode();
  const expiresAt = new Date(deps.now().getTime() + INVITATION_HOURS * 3600_000).toISOString();
  return { code, expiresAt, hash: invitationHash(code) };
}

/**
 * An administrator creates a staff account by invitation: no keys, no password, audited `user.create`.
 * @returns the user and the invitation (the code is in this answer only; it is not stored)
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
    invited_by: input.actor,
    invitation_approved_by: null,
  });
  return { user, invitation };
}

/**
 * A new invitation code for an account not yet activated (the first one expired or was lost); the old code stops
 * working. Audited `user.invitation`.
 * @throws DomainError not_found | already_activated (409)
 */
export async function reissueInvitation(deps: Deps, userId: string, actor: string): Promise<Invitation> {
  const { hash: codeHash, ...invitation } = issue(deps);
  await deps.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('users')
      // A new code needs a new approval: otherwise one administrator could re-issue an approved invitation to themselves.
      .set({
        invitation_hash: codeHash,
        invitation_expires_at: invitation.expiresAt,
        invited_by: actor,
        invitation_approved_by: null,
      })
      .where('id', '=', userId)
      .where('activated_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) {
      const exists = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
      if (!exists) throw errors.notFound('No such user.');
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
 * person. Audited `user.invitation_approve`. A server operator without a second administrator uses
 * `npx confide user add` instead.
 * @throws DomainError not_found | conflict/own_invitation | conflict/already_activated | conflict/already_approved
 */
export async function approveInvitation(deps: Deps, userId: string, actor: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('users')
      .select(['id', 'invited_by', 'invitation_approved_by', 'activated_at'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!row) throw errors.notFound('No such user.');
    if (row.activated_at !== null)
      throw errors.conflict('already_activated', 'This account has been activated already.');
    if (row.invited_by === actor || row.id === actor)
      throw errors.conflict(
        'own_invitation',
        'You issued this invitation: another administrator must approve it (two-person rule).',
      );
    const res = await trx
      .updateTable('users')
      .set({ invitation_approved_by: actor })
      .where('id', '=', userId)
      .where('activated_at', 'is', null)
      .where('invitation_approved_by', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw errors.conflict('already_approved', 'This invitation has been approved already.');
    await audit(deps, trx, { actor, action: 'user.invitation_approve', subject: `user:${userId}` });
  });
}

export const WRONG_INVITATION =
  'Wrong username or invitation code, or the code has expired or been used. Check both, or ask your administrator for a new code.';

/** The throttle key of activation attempts for one username (apart from sign-in and recovery). */
export const activateThrottleKey = (username: string) => `staff-activate:${username.trim().toLowerCase()}`;

/**
 * The person activates their account: the invitation code must match, be unused and unexpired, and the account
 * enabled. Their key pair is created, wrapped under their new password and a new recovery key; the code is used up
 * (a conditional update, so two requests with one code succeed at most once), and they are signed in. Unknown user,
 * wrong, expired or used code and a disabled account get the same answer. The caller throttles
 * (`activateThrottleKey`).
 * @returns a session, as `signIn` does, and the recovery key (shown to them once, never stored)
 * @throws DomainError weak_password | long_password (400) | unauthorized/invitation_invalid (401)
 */
export async function activateAccount(
  deps: Deps,
  input: { username: string; invitation: string; newPassword: string },
): Promise<{ token: string; user: StaffUser; sessionId: string; totp: TotpState; recoveryKey: string }> {
  checkNewPassword(input.newPassword);
  const row = await deps.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', input.username.trim().toLowerCase())
    .executeTakeFirst();
  const typed = Buffer.from(invitationHash(input.invitation), 'hex');
  const at = deps.now().toISOString();
  const valid =
    row !== undefined &&
    row.activated_at === null &&
    row.disabled_at === null &&
    row.invitation_hash !== null &&
    row.invitation_expires_at !== null &&
    row.invitation_expires_at > at &&
    equal(Buffer.from(row.invitation_hash, 'hex'), typed);
  // The right code, before a second administrator approved it: say so (the person holding the code may know).
  if (valid && row.invitation_approved_by === null) {
    await deps.db
      .transaction()
      .execute((trx) => audit(deps, trx, { actor: row.id, action: 'account.activate.failed', reason: 'not approved' }));
    throw errors.conflict(
      'invitation_not_approved',
      'Your invitation is waiting for a second administrator to approve it. Try again once they have.',
    );
  }
  const refused = new DomainError('unauthorized', 'invitation_invalid', WRONG_INVITATION);
  const fail = async (reason: string | null): Promise<never> => {
    await deps.db
      .transaction()
      .execute((trx) => audit(deps, trx, { actor: row?.id ?? null, action: 'account.activate.failed', reason }));
    throw refused;
  };
  if (!valid || !row) {
    const expired = row?.invitation_expires_at != null && row.invitation_expires_at <= at;
    return fail(expired ? 'expired' : null);
  }
  const keys = await createUserKeys(input.newPassword, deps.argon2);
  const used = await deps.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('users')
      .set({
        ...keyColumns(keys),
        activated_at: at,
        invitation_hash: null,
        invitation_expires_at: null,
      })
      .where('id', '=', row.id)
      .where('activated_at', 'is', null)
      .where('invitation_hash', '=', row.invitation_hash)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
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
