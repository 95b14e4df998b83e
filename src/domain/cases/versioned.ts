/**
 * Optimistic concurrency for case rows: a write names the version it read, and succeeds only if nobody wrote in
 * between. Of two concurrent changes one wins; the other gets a conflict the person can act on.
 */
import { sql, type Transaction, type Updateable } from 'kysely';
import type { ReportsTable, Tables } from '../../store/tables.ts';
import { errors } from '../errors.ts';

/** @throws DomainError conflict when the row is no longer at `version` */
export async function updateCaseAt(
  trx: Transaction<Tables>,
  reportId: string,
  version: number,
  set: Omit<Updateable<ReportsTable>, 'version'>,
): Promise<void> {
  const updated = await trx
    .updateTable('reports')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', reportId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw errors.conflict('conflict', 'Someone else changed this case at the same time. Reload it and try again.');
}
