/**
 * 0009 — reports recorded by an intake operator (issue 10 items 1, 2 and 4):
 * - `reports.receipt_rotate` (0 or 1): the receipt was seen by someone other than the reporter (read out by an
 *   operator, printed, e-mailed), so the reporter's first sign-in replaces it; back to 0 once replaced;
 * - `reports.sealed_intake`: the channel facts an operator records (time received, recording consent, the referring
 *   authority and its reference, a letter's transcription, a call's minutes), JSON under the report key; null for
 *   reports that came in by themselves.
 * Frozen once shipped; imports nothing from the application.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const bin = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .alterTable('reports')
    .addColumn('receipt_rotate', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('reports').addColumn('sealed_intake', bin).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('sealed_intake').execute();
  await db.schema.alterTable('reports').dropColumn('receipt_rotate').execute();
}
