/**
 * Category staff: the categories each staff member works on (`users.categories`, a JSON array of category ids;
 * null for every category). A new report is granted only to the managers of its category — supervisors, or
 * oversight officers for a complaint about an official — and granting a case to someone outside its category's
 * staff needs a second person's approval (request kind `grant_outside`, src/domain/cases/grants.ts).
 * @see ISO 37002 §8.2 (impartial, competent handling); DESIGN "Two-person rule"
 */
import { findUserNameById, updateUserCategories } from '../../store/category-staff.ts';
import { inTransaction } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { findUser } from './users.ts';

/** The category ids of a `users.categories` value; null for every category (also for a value that is not a list). */
export function parseCategories(value: string | null): string[] | null {
  if (value === null) return null;
  const parsed = JSON.parse(value) as unknown;
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : null;
}

/** Whether a user with this `users.categories` value works on `categoryId`. */
export function coversCategory(categories: string | null, categoryId: string): boolean {
  const ids = parseCategories(categories);
  return ids === null || ids.includes(categoryId);
}

/**
 * Category ids of the profile in force, unique and sorted; null (every category) stays null.
 * @throws DomainError invalid/unknown_category naming the ids the profile has
 */
export function checkedCategories(deps: Pick<Deps, 'profile'>, categories: readonly string[] | null): string[] | null {
  const known = deps.profile().categories.map((c) => c.id);
  const ids = categories === null ? null : [...new Set(categories.map((c) => c.trim()))].sort();
  const unknown = (ids ?? []).filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw errors.invalid(
      'unknown_category',
      `There is no category ${unknown.map((u) => `“${u}”`).join(', ')}. Categories: ${known.join(', ')}.`,
    );
  return ids;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sets the categories a staff member works on.
 * @param user a username or a user id
 * @param categories category ids of the profile in force (duplicates dropped, stored sorted), or null for every
 *   category; an empty list means none
 * @returns the user and the categories stored
 * @throws not_found (no such user) | invalid/unknown_category (naming the ids the profile has)
 */
export async function setUserCategories(
  deps: Deps,
  actor: string | null,
  user: string,
  categories: readonly string[] | null,
): Promise<{ id: string; username: string; categories: string[] | null }> {
  const ids = checkedCategories(deps, categories);
  const byId = UUID.test(user.trim()) ? await findUserNameById(deps.db, user.trim().toLowerCase()) : undefined;
  const row = byId ?? (await findUserNameById(deps.db, (await findUser(deps, user)).id));
  if (!row) throw errors.notFound(`There is no user “${user}”.`);
  await inTransaction(deps.db, async (trx) => {
    await updateUserCategories(trx, row.id, ids === null ? null : JSON.stringify(ids));
    await audit(deps, trx, {
      actor,
      action: 'user.categories',
      subject: `user:${row.id}`,
      reason: ids === null ? 'all' : ids.join(',') || 'none',
    });
  });
  return { id: row.id, username: row.username, categories: ids };
}
