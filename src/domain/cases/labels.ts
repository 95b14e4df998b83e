/**
 * Labels: short words staff put on cases to sort the queue (e.g. "needs translation"). They are stored in clear so
 * the queue can filter by them: they must never carry content, which the workspace says where they are edited.
 */
import { listLabelRows, replaceLabels } from '../../store/case-links.ts';
import { inTransaction } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { withCaseKeys } from './access.ts';
import type { Viewer } from '../viewer.ts';
import { recordEvent } from './events.ts';

export async function listLabels(deps: Pick<Deps, 'db'>, reportId: string): Promise<string[]> {
  return listLabelRows(deps.db, reportId);
}

/** Replaces the labels of a case (trimmed, lower-cased, duplicates dropped). @throws not_found */
export async function setLabels(deps: Deps, viewer: Viewer, reportId: string, labels: string[]): Promise<string[]> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const wanted = [...new Set(labels.map((l) => l.trim().toLowerCase()).filter(Boolean))].sort();
    const at = deps.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      await replaceLabels(trx, reportId, wanted, at);
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey: keys.caseKey,
        kind: 'labels',
        summary: wanted.length ? `Labels set: ${wanted.join(', ')}` : 'Labels removed',
      });
      await audit(deps, trx, { actor: viewer.userId, action: 'case.labels', subject: `report:${reportId}` });
    });
    return wanted;
  });
}
