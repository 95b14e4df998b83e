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

/** The id of a pending, unexpired request of this requester, kind and subject (null: none) on the report; undefined when none. */
export function findWaitingRequest(
  db: Database,
  q: { reportId: string; requesterId: string; kind: string; subject: string | null; now: string },
) {
  let waiting = db
    .selectFrom('requests')
    .select('id')
    .where('report_id', '=', q.reportId)
    .where('requester_id', '=', q.requesterId)
    .where('kind', '=', q.kind)
    .where('status', '=', 'pending')
    .where('expires_at', '>', q.now);
  waiting = q.subject === null ? waiting.where('subject', 'is', null) : waiting.where('subject', '=', q.subject);
  return waiting.executeTakeFirst();
}

/** The requester's account (public_key, disabled_at, activated_at) if it holds a `case` grant on the report. */
export function findCaseHolderAccount(db: Database, reportId: string, userId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('grants as g', (j) =>
      j.onRef('g.user_id', '=', 'u.id').on('g.report_id', '=', reportId).on('g.scope', '=', 'case'),
    )
    .select(['u.public_key', 'u.disabled_at', 'u.activated_at'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

/** Writes (or replaces the sealed key and granter of) the user's `identity` grant on the report. */
export async function upsertIdentityGrant(
  db: Database,
  row: { report_id: string; user_id: string; sealed_key: Buffer; granted_by: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('grants')
    .values({ ...row, scope: 'identity' })
    .onConflict((oc) =>
      oc
        .columns(['report_id', 'user_id', 'scope'])
        .doUpdateSet({ sealed_key: row.sealed_key, granted_by: row.granted_by }),
    )
    .execute();
}

/** The file's id if it belongs to the report; undefined otherwise. */
export function findFileOfReport(db: Database, reportId: string, fileId: string) {
  return db
    .selectFrom('files')
    .select('id')
    .where('id', '=', fileId)
    .where('report_id', '=', reportId)
    .executeTakeFirst();
}

/** An active, activated staff account: (id, role, display_name, categories); undefined when none. */
export function findActiveActivatedUser(db: Database, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'role', 'display_name', 'categories'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .where('activated_at', 'is not', null)
    .executeTakeFirst();
}
