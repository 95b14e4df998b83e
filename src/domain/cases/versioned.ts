/**
 * Optimistic concurrency for case rows: a write names the version it read, and succeeds only if nobody wrote in
 * between. Of two concurrent changes one wins; the other gets a conflict the person can act on.
 */
import type { Database } from '../../store/database.ts';
import { updateReportAtVersion } from '../../store/reports.ts';
import { errors } from '../errors.ts';

/** @throws DomainError conflict when the row is no longer at `version` */
export async function updateCaseAt(
  trx: Database,
  reportId: string,
  version: number,
  set: Parameters<typeof updateReportAtVersion>[3],
): Promise<void> {
  if ((await updateReportAtVersion(trx, reportId, version, set)) !== 1)
    throw errors.conflict('conflict', 'Someone else changed this case at the same time. Reload it and try again.');
}
