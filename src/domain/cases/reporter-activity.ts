/**
 * What follows when a reporter acts on their report (writes, adds files, corrects or confirms a transcript): the case
 * shows as unread to staff who saw it before, and every active holder of the case gets a content-free notice.
 */
import { queueNotices } from '../../mail/outbox.ts';
import { listActiveCaseHolders } from '../../store/protection.ts';
import { markReporterActivity } from '../../store/reporter.ts';
import type { Tx } from '../../store/transaction.ts';
import type { Deps } from '../deps.ts';

/** In the reporter's transaction `trx`; `at` ISO 8601. Someone excluded holds no grant, so is not told. */
export async function noteReporterActivity(deps: Deps, trx: Tx, reportId: string, at: string): Promise<void> {
  await markReporterActivity(trx, reportId, at);
  await queueNotices(deps, trx, await listActiveCaseHolders(trx, reportId), 'reporter_activity');
}
