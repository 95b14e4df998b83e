/**
 * The `sessions` table: staff and reporter sessions, each holding a key sealed under the cookie's secret. Lifetimes
 * and what a row opens are decided in src/domain/accounts/sessions.ts; times are ISO strings.
 */
import type { Database } from './database.ts';
import type { Tables } from './tables.ts';

type Kind = 'staff' | 'reporter';

/** Stores a new session row. */
export async function insertSession(db: Database, row: Tables['sessions']): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** The session with `id` (its sealed key and times), or undefined. */
export async function findSession(db: Database, id: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'kind', 'user_id', 'report_id', 'sealed_key', 'created_at', 'expires_at', 'last_seen_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Sets the session's last activity to `at` (ISO). */
export async function touchSession(db: Database, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** Deletes the session with `id`. */
export async function deleteSessionById(db: Database, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Deletes every session of a staff user, except the one with `keepId` when given. */
export async function deleteSessionsOfUser(db: Database, userId: string, keepId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId !== undefined) q = q.where('id', '!=', keepId);
  await q.execute();
}

/**
 * Deletes every session past its cap (`expires_at <= now`) or idle since before `idleSince[kind]` (last activity, or
 * creation when none). @returns how many rows went
 */
export async function deleteEndedSessionRows(
  db: Database,
  now: string,
  idleSince: Record<Kind, string>,
): Promise<number> {
  const res = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        ...(['staff', 'reporter'] as const).map((kind) =>
          eb.and([eb('kind', '=', kind), eb(eb.fn.coalesce('last_seen_at', 'created_at'), '<=', idleSince[kind])]),
        ),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
