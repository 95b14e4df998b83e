/**
 * The categories of the profile in force, looked up by id. A case keeps its category id when the profile changes,
 * so a lookup may find nothing: callers decide what a case of a category that has left the profile gets.
 */
import type { Category } from '../shared/profile.ts';
import type { Deps } from './deps.ts';

/** The category with this id in the profile in force; undefined when absent (unknown id, or it left the profile). */
export function categoryOf(deps: Pick<Deps, 'profile'>, id: string | null | undefined): Category | undefined {
  return deps.profile().categories.find((c) => c.id === id);
}
