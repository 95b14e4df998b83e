/**
 * Job leases: a row in `job_leases` per periodic job says which node (`holder`) may run it until when. Taking it is
 * one conditional statement at a time — an insert that does nothing when the row exists, then an update that
 * only matches when the lease ran out or is already ours — and the rows affected say who won, so two nodes can
 * never both hold it. The same SQL serves SQLite and PostgreSQL (times are ISO 8601 UTC strings, which sort).
 */
import type { Database } from './database.ts';

const iso = (d: Date) => d.toISOString();

/**
 * Takes the lease on `name` for `holder` until `until` when nobody holds it, its holder's time ran out (a crashed
 * node), or `holder` holds it already (then it is extended).
 * @param now the current time (deps.now()), against which the holder's time is judged
 * @returns whether `holder` holds the lease now
 */
export async function acquireLease(
  db: Database,
  name: string,
  holder: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  const inserted = await db
    .insertInto('job_leases')
    .values({ name, holder, expires_at: iso(until) })
    .onConflict((oc) => oc.column('name').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return true;
  const taken = await db
    .updateTable('job_leases')
    .set({ holder, expires_at: iso(until) })
    .where('name', '=', name)
    .where((eb) => eb.or([eb('expires_at', '<', iso(now)), eb('holder', '=', holder)]))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

/**
 * Moves the end of a lease `holder` still holds (a heartbeat while running, or "keep it until the next run is due").
 * @returns false when the lease is someone else's now
 */
export async function extendLease(db: Database, name: string, holder: string, until: Date): Promise<boolean> {
  const res = await db
    .updateTable('job_leases')
    .set({ expires_at: iso(until) })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** When the lease on `name` ends, whoever holds it; null when there is none. */
export async function leaseEnd(db: Database, name: string): Promise<Date | null> {
  const row = await db.selectFrom('job_leases').select('expires_at').where('name', '=', name).executeTakeFirst();
  return row ? new Date(row.expires_at) : null;
}
