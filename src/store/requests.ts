/**
 * Two-person requests (`requests`), the request keys sealed to each person who may read them (`request_keys`), and
 * their decisions.
 */
import type { Insertable, Updateable } from 'kysely';
import type { Database } from './database.ts';
import type { Tables } from './tables.ts';

/** A request row by id; undefined when none. */
export function findRequest(db: Database, id: string) {
  return db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The request key sealed to this user: { sealed_key }; undefined when the user holds none. */
export function findRequestKey(db: Database, requestId: string, userId: string) {
  return db
    .selectFrom('request_keys')
    .select('sealed_key')
    .where('request_id', '=', requestId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** A report's category id. @throws when the report does not exist */
export function findReportCategory(db: Database, reportId: string) {
  return db.selectFrom('reports').select('category').where('id', '=', reportId).executeTakeFirstOrThrow();
}

/**
 * Active, activated users of `role` holding a grant of `scope` on the report, except `exceptUserId`: (id, public_key).
 */
export function findGrantHoldersOfRole(
  db: Database,
  reportId: string,
  role: string,
  scope: 'case' | 'identity',
  exceptUserId: string,
) {
  return db
    .selectFrom('grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.id', 'u.public_key'])
    .where('g.report_id', '=', reportId)
    .where('g.scope', '=', scope)
    .where('u.role', '=', role)
    .where('u.disabled_at', 'is', null)
    .where('u.activated_at', 'is not', null)
    .where('u.id', '!=', exceptUserId)
    .execute();
}

/** Inserts a request and its sealed keys. */
export async function insertRequest(
  db: Database,
  row: Insertable<Tables['requests']>,
  keys: Insertable<Tables['request_keys']>[],
): Promise<void> {
  await db.insertInto('requests').values(row).execute();
  if (keys.length > 0) await db.insertInto('request_keys').values(keys).execute();
}

/** Sets `changes` on the request if its status is still `fromStatus`. @returns whether it was updated */
export async function updateRequestIfStatus(
  db: Database,
  id: string,
  fromStatus: Tables['requests']['status'],
  changes: Updateable<Tables['requests']>,
): Promise<boolean> {
  const updated = await db
    .updateTable('requests')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
