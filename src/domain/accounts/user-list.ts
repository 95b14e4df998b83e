/**
 * The administrator's list of staff accounts, and how many active accounts there are (first set-up, the channel's
 * readiness). Never a key or a secret.
 */
import type { Role } from '../../shared/api.ts';
import type { UserListItem } from '../../shared/accounts.ts';
import { countActiveUserRows, listUserRows } from '../../store/users.ts';
import { parseCategories } from './category-staff.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { totpStateOf } from './totp.ts';

/** Staff accounts as the administrator's list shows them, by username (or just the one with `id`); `viewerId` decides `canApproveInvitation`. */
export async function listUsers(
  deps: Pick<Deps, 'db' | 'accounts'>,
  id?: string,
  viewerId?: string,
): Promise<UserListItem[]> {
  const rows = await listUserRows(deps.db, id);
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    email: row.email,
    disabled: row.disabled_at !== null,
    totpEnabled: row.totp_enabled_at !== null,
    totpRequired: totpStateOf(deps, row).required,
    passwordResetPending: row.password_reset_at !== null,
    categories: parseCategories(row.categories),
    activated: row.activated_at !== null,
    invitationExpiresAt: row.activated_at === null ? row.invitation_expires_at : null,
    invitationApproved: row.activated_at !== null || row.invitation_approved_by !== null,
    canApproveInvitation:
      row.activated_at === null &&
      row.invitation_approved_by === null &&
      viewerId !== undefined &&
      row.invited_by !== viewerId &&
      row.id !== viewerId,
  }));
}

/** One account as `listUsers` presents it. @throws not_found */
export async function getUserListItem(
  deps: Pick<Deps, 'db' | 'accounts'>,
  id: string,
  viewerId?: string,
): Promise<UserListItem> {
  const [user] = await listUsers(deps, id, viewerId);
  if (!user) throw errors.notFound('No such user.');
  return user;
}

/** How many enabled, activated accounts there are (with `role` when given). */
export async function countActiveUsers(deps: Pick<Deps, 'db'>, role?: Role): Promise<number> {
  return countActiveUserRows(deps.db, role);
}
