/**
 * The `users` table: staff accounts with their wrapped keys, TOTP, invitation and administration columns. Who may
 * change what, and what a change means, is decided in src/domain (users.ts, user-admin.ts, sign-in.ts, account.ts,
 * invitations.ts, totp.ts). Times are ISO strings; usernames are passed already lower-cased.
 * Functions that change one user by a condition return whether a row changed.
 */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Database } from './database.ts';
import type { UsersTable } from './tables.ts';

/** The columns that hold a user's private key wrapped under their password. */
export type PasswordWrapColumns = Pick<
  UsersTable,
  'password_salt' | 'password_verifier' | 'wrapped_secret_key' | 'password_kdf'
>;

const changed = (res: { numUpdatedRows: bigint }) => Number(res.numUpdatedRows) === 1;

/** Stores a new user row (throws the database's unique violation when the username is taken). */
export async function insertUserRow(db: Database, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** Every column of the user with `id`, or undefined. */
export async function findUserById(db: Database, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every column of the user named `username`, or undefined. */
export async function findUserByName(db: Database, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** The id of the user named `username`, or undefined. */
export async function findUserIdByName(db: Database, username: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
}

/** Whether a user with `id` exists. */
export async function userExists(db: Database, id: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** What a staff request needs of its signed-in user, or undefined. */
export async function findSessionUser(db: Database, id: string) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'role',
      'public_key',
      'disabled_at',
      'username',
      'display_name',
      'totp_enabled_at',
      'totp_sealed_secret',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The users the administrator's list shows (no key or secret column), by username; only `id` when given. */
export async function listUserRows(db: Database, id?: string) {
  let q = db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'display_name',
      'role',
      'email',
      'disabled_at',
      'totp_enabled_at',
      'totp_sealed_secret',
      'password_reset_at',
      'categories',
      'activated_at',
      'invitation_expires_at',
      'invited_by',
      'invitation_approved_by',
    ])
    .orderBy('username');
  if (id !== undefined) q = q.where('id', '=', id);
  return q.execute();
}

/** How many enabled, activated users there are (with `role` when given). */
export async function countActiveUserRows(db: Database, role?: string): Promise<number> {
  let q = db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .where('disabled_at', 'is', null)
    .where('activated_at', 'is not', null);
  if (role) q = q.where('role', '=', role);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * How many reports have an identity grant for `userId` and none for any other enabled, activated user
 * (grants ⋈ users).
 */
export async function countSoleIdentityReports(db: Database, userId: string): Promise<number> {
  const row = await db
    .selectFrom('grants as g')
    .select(sql<number>`count(*)`.as('n'))
    .where('g.user_id', '=', userId)
    .where('g.scope', '=', 'identity')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('grants as other')
            .innerJoin('users as u', 'u.id', 'other.user_id')
            .select('other.user_id')
            .whereRef('other.report_id', '=', 'g.report_id')
            .where('other.scope', '=', 'identity')
            .where('other.user_id', '!=', userId)
            .where('u.disabled_at', 'is', null)
            .where('u.activated_at', 'is not', null),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Sets `disabled_at` to `at` when the user is enabled. @returns whether it changed */
export async function markUserDisabled(db: Database, id: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ disabled_at: at })
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return changed(res);
}

/** Clears `disabled_at` when the user is disabled. @returns whether it changed */
export async function markUserEnabled(db: Database, id: string): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ disabled_at: null })
    .where('id', '=', id)
    .where('disabled_at', 'is not', null)
    .executeTakeFirst();
  return changed(res);
}

/** Sets `password_reset_at` to `at`. @returns whether the user exists */
export async function markPasswordReset(db: Database, id: string, at: string): Promise<boolean> {
  return changed(await db.updateTable('users').set({ password_reset_at: at }).where('id', '=', id).executeTakeFirst());
}

/** Sets (or with null clears) the user's notice address. @returns whether the user exists */
export async function updateUserEmail(db: Database, id: string, email: string | null): Promise<boolean> {
  return changed(await db.updateTable('users').set({ email }).where('id', '=', id).executeTakeFirst());
}

/** Sets the user's own language (a shipped language's tag). @returns whether the user exists */
export async function updateUserLanguage(db: Database, id: string, language: string): Promise<boolean> {
  return changed(await db.updateTable('users').set({ language }).where('id', '=', id).executeTakeFirst());
}

/**
 * Replaces the user's password wrap; with `clearReset` also clears a pending administrator's reset; with
 * `ifVerifier` only while the stored verifier is still that one. @returns whether it changed
 */
export async function updatePasswordWrap(
  db: Database,
  id: string,
  columns: PasswordWrapColumns,
  options: { clearReset?: boolean; ifVerifier?: Buffer } = {},
): Promise<boolean> {
  let q = db
    .updateTable('users')
    .set(options.clearReset ? { ...columns, password_reset_at: null } : columns)
    .where('id', '=', id);
  if (options.ifVerifier) q = q.where('password_verifier', '=', options.ifVerifier);
  return changed(await q.executeTakeFirst());
}

/** Stores a pending (not yet confirmed) TOTP secret when TOTP is off. @returns whether it changed */
export async function setPendingTotp(db: Database, id: string, sealedSecret: Buffer): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ totp_sealed_secret: sealedSecret, totp_last_step: null })
    .where('id', '=', id)
    .where('totp_enabled_at', 'is', null)
    .executeTakeFirst();
  return changed(res);
}

/** Marks the user's TOTP as on since `at`. */
export async function markTotpEnabled(db: Database, id: string, at: string): Promise<void> {
  await db.updateTable('users').set({ totp_enabled_at: at }).where('id', '=', id).execute();
}

/** Clears the user's TOTP secret, state and last step. @returns whether the user exists */
export async function clearTotp(db: Database, id: string): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ totp_sealed_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', id)
    .executeTakeFirst();
  return changed(res);
}

/** Sets the last accepted TOTP step to `step` when it is still `last`. @returns whether it changed */
export async function advanceTotpStep(db: Database, id: string, last: number | null, step: number): Promise<boolean> {
  let q = db.updateTable('users').set({ totp_last_step: step }).where('id', '=', id);
  q = last === null ? q.where('totp_last_step', 'is', null) : q.where('totp_last_step', '=', last);
  return changed(await q.executeTakeFirst());
}

/** The invitation columns of a user being approved, or undefined. */
export async function findInvitationState(db: Database, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'invited_by', 'invitation_approved_by', 'activated_at', 'invitation_expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Sets the invitation columns of a user not yet activated. @returns whether it changed */
export async function updatePendingInvitation(
  db: Database,
  id: string,
  columns: Pick<
    Updateable<UsersTable>,
    'invitation_hash' | 'invitation_approval_hash' | 'invitation_expires_at' | 'invited_by' | 'invitation_approved_by'
  >,
  options: { unapprovedOnly?: boolean } = {},
): Promise<boolean> {
  let q = db.updateTable('users').set(columns).where('id', '=', id).where('activated_at', 'is', null);
  if (options.unapprovedOnly)
    q = q.where('invitation_approved_by', 'is', null).where('invitation_hash', 'is not', null);
  return changed(await q.executeTakeFirst());
}

/**
 * Activates a user: sets the key columns and `activated_at`, clears the invitation, only while it is not yet
 * activated and holds the same two code hashes. @returns whether it changed
 */
export async function activateUserRow(
  db: Database,
  id: string,
  columns: Pick<
    UsersTable,
    | 'public_key'
    | 'password_salt'
    | 'password_verifier'
    | 'wrapped_secret_key'
    | 'recovery_salt'
    | 'recovery_verifier'
    | 'recovery_wrapped_secret_key'
    | 'password_kdf'
    | 'recovery_kdf'
    | 'activated_at'
  >,
  codes: { invitationHash: string | null; approvalHash: string | null },
): Promise<boolean> {
  // A null hash never matches (`= null` is unknown), as before.
  const res = await db
    .updateTable('users')
    .set({ ...columns, invitation_hash: null, invitation_approval_hash: null, invitation_expires_at: null })
    .where('id', '=', id)
    .where('activated_at', 'is', null)
    .where('invitation_hash', '=', codes.invitationHash)
    .where('invitation_approval_hash', '=', codes.approvalHash)
    .executeTakeFirst();
  return changed(res);
}
