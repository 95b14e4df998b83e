/**
 * The categories of the profile in force, looked up by id. A case keeps its category id when the profile changes,
 * so a lookup may find nothing: callers decide what a case of a category that has left the profile gets.
 */
import type { Category } from '../shared/profile.ts';
import { findReportCategory } from '../store/reports.ts';
import type { Deps } from './deps.ts';
import { errors } from './errors.ts';

/** The category with this id in the profile in force; undefined when absent (unknown id, or it left the profile). */
export function categoryOf(deps: Pick<Deps, 'profile'>, id: string | null | undefined): Category | undefined {
  return deps.profile().categories.find((c) => c.id === id);
}

/**
 * A report's category id and the category it names in the profile in force (undefined when it left the profile).
 * @throws DomainError not_found when the report is gone
 */
export async function categoryOfReport(
  deps: Pick<Deps, 'db' | 'profile'>,
  reportId: string,
): Promise<{ categoryId: string; category: Category | undefined }> {
  const report = await findReportCategory(deps.db, reportId);
  if (!report) throw errors.notFound('This case no longer exists.');
  return { categoryId: report.category, category: categoryOf(deps, report.category) };
}
