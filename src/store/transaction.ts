/**
 * Transactions for the layers above the store: they hold a transaction as an opaque handle and pass it to store
 * functions, which take a `Database` (a transaction is one) so the same query runs inside or outside one.
 */
import type { Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { Tables } from './tables.ts';

/** An open transaction; pass it wherever a store function takes a `Database`. */
export type Tx = Transaction<Tables>;

/**
 * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (the error propagates).
 * @param db the database; on SQLite transactions are serialised by the single connection
 */
export function inTransaction<T>(db: Database, work: (trx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
