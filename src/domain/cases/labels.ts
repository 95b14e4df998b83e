/**
 * Labels: short words staff put on cases to sort the queue (e.g. "needs translation"). They are stored in clear so
 * the queue can filter by them: they must never carry content, which the workspace says where they are edited.
 */
import { wipe } from '../../crypto/sodium.ts';
import { audit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { caseKeys, type Viewer } from './access.ts';
import { recordEvent } from './events.ts';

export async function listLabels(deps: Pick<Deps, 'db'>, reportId: string): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('case_labels')
    .select('label')
    .where('report_id', '=', reportId)
    .orderBy('label')
    .execute();
  return rows.map((r) => r.label);
}

/** Replaces the labels of a case (trimmed, lower-cased, duplicates dropped). @throws not_found */
export async function setLabels(deps: Deps, viewer: Viewer, reportId: string, labels: string[]): Promise<string[]> {
  const keys = await caseKeys(deps, viewer, reportId);
  try {
    const wanted = [...new Set(labels.map((l) => l.trim().toLowerCase()).filter(Boolean))].sort();
    const at = deps.now().toISOString();
    await deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('case_labels').where('report_id', '=', reportId).execute();
      if (wanted.length > 0)
        await trx
          .insertInto('case_labels')
          .values(wanted.map((label) => ({ report_id: reportId, label, created_at: at })))
          .execute();
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
  } finally {
    wipe(keys.reportKey);
    wipe(keys.caseKey);
  }
}
