/** The staff notice outbox (`notifications`) and the notification job's reads and writes. */
import { randomUUID } from 'node:crypto';
import type { Database } from './database.ts';

/** Inserts one pending notice of `kind` (created at `at`, ISO 8601) for each of `userIds` (non-empty). */
export async function insertNotices(db: Database, userIds: readonly string[], kind: string, at: string): Promise<void> {
  await db
    .insertInto('notifications')
    .values(userIds.map((user_id) => ({ id: randomUUID(), user_id, kind, created_at: at, sent_at: null })))
    .execute();
}

/**
 * Enabled accounts with an address and pending notices, last mailed before `mailedBefore` (ISO 8601) or never:
 * id and e-mail, by id, at most `limit`.
 */
export function listUsersDueNoticeMail(db: Database, mailedBefore: string, limit: number) {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.email', 'users.language'])
    .where('users.disabled_at', 'is', null)
    .where('users.email', 'is not', null)
    .where((eb) => eb.or([eb('users.last_notified_at', 'is', null), eb('users.last_notified_at', '<=', mailedBefore)]))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('notifications')
          .select('notifications.id')
          .whereRef('notifications.user_id', '=', 'users.id')
          .where('notifications.sent_at', 'is', null),
      ),
    )
    .orderBy('users.id')
    .limit(limit)
    .execute();
}

/** A person's pending notices: id and kind. */
export function listPendingNotices(db: Database, userId: string) {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind'])
    .where('user_id', '=', userId)
    .where('sent_at', 'is', null)
    .execute();
}

/** Marks the notices `ids` sent at `at` (ISO 8601). Keep `ids` within the engines' bound-parameter limits. */
export async function markNoticesSent(db: Database, ids: string[], at: string): Promise<void> {
  await db.updateTable('notifications').set({ sent_at: at }).where('id', 'in', ids).execute();
}

/** Records when a person was last mailed (ISO 8601). */
export async function setUserLastNotified(db: Database, userId: string, at: string): Promise<void> {
  await db.updateTable('users').set({ last_notified_at: at }).where('id', '=', userId).execute();
}

/** Sizes of the work queues, for the metrics: notices not yet mailed, reports still waiting for triage. */
export async function countQueues(db: Database): Promise<{ notices_pending: number; reports_untriaged: number }> {
  const notices = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('sent_at', 'is', null)
    .executeTakeFirstOrThrow();
  const untriaged = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', '=', 'received')
    .executeTakeFirstOrThrow();
  return { notices_pending: Number(notices.n), reports_untriaged: Number(untriaged.n) };
}
