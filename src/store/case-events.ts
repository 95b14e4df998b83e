/** A case's history (`case_events`) and its messages (`messages`): rows as stored, bodies and reasons sealed. */
import type { Database } from './database.ts';
import type { CaseEventsTable, MessagesTable } from './tables.ts';
import type { Insertable } from 'kysely';

/** Inserts one case event. */
export async function insertCaseEvent(db: Database, event: Insertable<CaseEventsTable>): Promise<void> {
  await db.insertInto('case_events').values(event).execute();
}

/** The events of a case, oldest first, with the display name of the actor (null for Confide or a removed user). */
export function listCaseEventRows(db: Database, reportId: string) {
  return db
    .selectFrom('case_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.id', 'e.at', 'e.kind', 'e.from_status', 'e.to_status', 'e.sealed_reason', 'u.display_name'])
    .where('e.report_id', '=', reportId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** When a case was last reopened (a status event from "closed"), ISO 8601; undefined when never. */
export async function lastReopenedAt(db: Database, reportId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('case_events')
    .select('at')
    .where('report_id', '=', reportId)
    .where('kind', '=', 'status')
    .where('from_status', '=', 'closed')
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.at;
}

/** Whether a case has an outcome notice, sent after `after` (ISO 8601) when given. */
export async function hasOutcomeNotice(db: Database, reportId: string, after?: string): Promise<boolean> {
  let notice = db
    .selectFrom('messages')
    .select('id')
    .where('report_id', '=', reportId)
    .where('kind', '=', 'outcome_notice');
  if (after !== undefined) notice = notice.where('created_at', '>', after);
  return (await notice.executeTakeFirst()) !== undefined;
}

/** Inserts one message. */
export async function insertMessage(db: Database, message: Insertable<MessagesTable>): Promise<void> {
  await db.insertInto('messages').values(message).execute();
}

/** The messages of a case as stored (bodies sealed), oldest first, with the display name of a staff author. */
export function listMessageRows(db: Database, reportId: string) {
  return db
    .selectFrom('messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_user_id')
    .select(['m.id', 'm.author', 'm.visibility', 'm.kind', 'm.sealed_body', 'm.created_at', 'u.display_name'])
    .where('m.report_id', '=', reportId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

/** The sealed bodies of a case's messages, with their id and visibility, in no particular order. */
export function listMessageBodies(db: Database, reportId: string) {
  return db
    .selectFrom('messages')
    .select(['id', 'visibility', 'sealed_body'])
    .where('report_id', '=', reportId)
    .execute();
}
