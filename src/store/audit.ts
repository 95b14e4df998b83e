/**
 * The audit table: appending under a lock that keeps the chain linear, reading pages and date ranges, the rows the
 * chain check and the export scan, and the report and user lookups the log's reader needs.
 */
import { sql } from 'kysely';
import type { Database, Dialect } from './database.ts';
import type { AuditTable } from './tables.ts';

/**
 * Serialises appends until the transaction ends: a PostgreSQL advisory lock; SQLite serialises writing
 * transactions itself, so nothing there.
 */
export async function lockAuditChain(db: Database, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7263)`.execute(db);
}

/** The newest entry's sequence number and hash; undefined for an empty log. */
export function findAuditHead(db: Database) {
  return db.selectFrom('audit').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

/** Inserts one entry as given (seq, at, actor, action, subject, reason, prev_hash, hash). */
export async function insertAuditEntry(db: Database, row: AuditTable): Promise<void> {
  await db.insertInto('audit').values(row).execute();
}

/** The hash of entry `seq`; undefined when there is none. */
export function findAuditEntryHash(db: Database, seq: number) {
  return db.selectFrom('audit').select('hash').where('seq', '=', seq).executeTakeFirst();
}

/** Up to `limit` whole entries from sequence number `fromSeq` on (to `toSeq` when given), oldest first. */
export function listAuditChain(db: Database, fromSeq: number, limit: number, toSeq?: number) {
  let q = db.selectFrom('audit').selectAll().where('seq', '>=', fromSeq);
  if (toSeq !== undefined) q = q.where('seq', '<=', toSeq);
  return q.orderBy('seq').limit(limit).execute();
}

/** The sequence number of the first entry written at or after `at` (ISO 8601); undefined when none. */
export function findFirstAuditSeqFrom(db: Database, at: string) {
  return db
    .selectFrom('audit')
    .select('seq')
    .where('at', '>=', at)
    .orderBy('at')
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
}

/** The sequence number of the last entry written at or before `at` (ISO 8601), or of the newest without it. */
export function findLastAuditSeqUntil(db: Database, at: string | null) {
  const q = db.selectFrom('audit').select('seq');
  return (
    at === null
      ? q.orderBy('seq', 'desc').limit(1)
      : q.where('at', '<=', at).orderBy('at', 'desc').orderBy('seq', 'desc').limit(1)
  ).executeTakeFirst();
}

/** What one page of the log is read by; every field narrows it. */
export interface AuditPageQuery {
  minSeq: number;
  maxSeq: number;
  /** Entries older than this sequence number. */
  beforeSeq?: number | undefined;
  actor?: string | undefined;
  subject?: string | undefined;
  /** A `like` pattern with `\` as escape character. */
  actionLike?: string | undefined;
  /** Leaves out entries about reports of these categories that `userId` holds no case grant of. */
  hideUngranted?: { userId: string; categories: string[] } | undefined;
  limit: number;
}

/** Entries newest first, each with its actor's display name and role (null when the actor is no account). */
export function listAuditPage(db: Database, query: AuditPageQuery) {
  let q = db
    .selectFrom('audit as a')
    .leftJoin('users as u', 'u.id', 'a.actor')
    .select(['a.seq', 'a.at', 'a.actor', 'a.action', 'a.subject', 'a.reason'])
    .select(['u.display_name as userName', 'u.role as userRole'])
    .where('a.seq', '>=', query.minSeq)
    .where('a.seq', '<=', query.maxSeq);
  if (query.beforeSeq !== undefined) q = q.where('a.seq', '<', query.beforeSeq);
  if (query.actor !== undefined) q = q.where('a.actor', '=', query.actor);
  if (query.subject !== undefined) q = q.where('a.subject', '=', query.subject);
  const hide = query.hideUngranted;
  if (hide && hide.categories.length > 0) {
    const hidden = db
      .selectFrom('reports as r')
      .select(sql<string>`'report:' || r.id`.as('subject'))
      .where('r.category', 'in', hide.categories)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('grants as g')
              .select('g.report_id')
              .whereRef('g.report_id', '=', 'r.id')
              .where('g.user_id', '=', hide.userId)
              .where('g.scope', '=', 'case'),
          ),
        ),
      );
    q = q.where((eb) => eb.or([eb('a.subject', 'is', null), eb('a.subject', 'not in', hidden)]));
  }
  if (query.actionLike !== undefined) q = q.where(sql<boolean>`a.action like ${query.actionLike} escape '\\'`);
  return q.orderBy('a.seq', 'desc').limit(query.limit).execute();
}

/** A report's id and category by its reference; undefined when none has it. */
export function findReportByReference(db: Database, reference: string) {
  return db.selectFrom('reports').select(['id', 'category']).where('reference', '=', reference).executeTakeFirst();
}

/** The id and reference of those of `ids` that still exist. */
export function listReportReferences(db: Database, ids: string[]) {
  return db.selectFrom('reports').select(['id', 'reference']).where('id', 'in', ids).execute();
}

/** Every account's id, display name and role, by display name. */
export function listUserNames(db: Database) {
  return db.selectFrom('users').select(['id', 'display_name', 'role']).orderBy('display_name').orderBy('id').execute();
}
