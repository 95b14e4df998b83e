/**
 * Managing a case's access: who may (its managers — supervisors; oversight officers for a complaint about an
 * official), the staff member a change is about, and running a change with the manager's own case keys.
 */
import type { Category } from '../../shared/profile.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { managerRole } from '../approvals/kinds.ts';
import type { CaseKeys } from '../../crypto/case-keys.ts';
import { findStaffMember } from '../../store/category-staff.ts';
import { findReportCategory } from '../../store/reports.ts';
import { NOT_FOUND, withCaseKeys } from './access.ts';
import type { Viewer } from '../viewer.ts';
import { categoryOf } from '../categories.ts';

/**
 * The case's managers manage access — supervisors; oversight officers for a complaint about an official —;
 * everyone else is told the case does not exist for them (no hint either way).
 */
export function canManageAccess(viewer: Pick<Viewer, 'role'>, category?: Pick<Category, 'kind'>): boolean {
  return viewer.role === managerRole(category);
}

/** An enabled, activated staff member. @throws invalid/unknown_user otherwise */
export async function targetUser(deps: Pick<Deps, 'db'>, userId: string) {
  const user = await findStaffMember(deps.db, userId);
  if (!user || user.disabled_at || !user.activated_at)
    throw errors.invalid('unknown_user', 'There is no active staff member with that id.');
  return user;
}

/** What a change to a case's access runs with: the manager's case keys (to seal to a new holder), the category. */
export interface ManagedCase {
  keys: CaseKeys;
  caseKey: Buffer;
  category: Category | undefined;
  categoryId: string;
}

/** Runs `change` with the case keys of a manager who holds the case. @throws not_found (no grant or not a manager) */
export async function asManager<T>(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  change: (managed: ManagedCase) => Promise<T>,
): Promise<T> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const report = await findReportCategory(deps.db, reportId);
    const category = categoryOf(deps, report?.category);
    if (!report || !canManageAccess(viewer, category)) throw errors.notFound(NOT_FOUND);
    return change({ keys, caseKey: keys.caseKey, category, categoryId: report.category });
  });
}
