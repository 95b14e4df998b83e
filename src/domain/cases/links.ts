/**
 * Links between cases: a duplicate of, or related to, another case. The first-received report of the two is
 * recorded as first (who reported first is decided by registration time, MSS Order No. 2 Art. 8–10). The viewer
 * must hold both cases; otherwise the other case does not exist for them.
 */
import { deleteLink, findLink, insertLink, listLinkRows } from '../../store/case-links.ts';
import { findGrantedReportByReference } from '../../store/grants.ts';
import { getReportReferenceAndReceipt } from '../../store/reports.ts';
import { inTransaction } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { withCaseKeys } from './access.ts';
import type { Viewer } from '../viewer.ts';
import { recordEvent } from './events.ts';

export interface LinkView {
  id: string;
  reference: string;
  kind: 'duplicate' | 'related';
  thisIsFirst: boolean;
}

/** The links of a case, both directions, to cases the viewer also holds. */
export async function listLinks(
  deps: Pick<Deps, 'db'>,
  viewer: Pick<Viewer, 'userId'>,
  reportId: string,
): Promise<LinkView[]> {
  const rows = await listLinkRows(deps.db, viewer.userId, reportId);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    thisIsFirst: r.first_report_id === reportId,
  }));
}

/** @throws not_found (this case, or the other by reference) | self_link | already_linked */
export async function linkCase(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  input: { reference: string; kind: 'duplicate' | 'related' },
): Promise<LinkView[]> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const reference = input.reference.trim().toUpperCase();
    const other = await findGrantedReportByReference(deps.db, viewer.userId, reference);
    if (!other) throw errors.notFound(`There is no case ${reference} that you have access to.`);
    if (other.id === reportId) throw errors.invalid('self_link', 'A case cannot be linked to itself.');
    const self = await getReportReferenceAndReceipt(deps.db, reportId);
    const existing = await findLink(deps.db, reportId, other.id);
    if (existing) throw errors.conflict('already_linked', `This case is already linked to ${reference}.`);
    const first = self.received_at <= other.received_at ? reportId : other.id;
    const at = deps.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      await insertLink(trx, {
        report_id: reportId,
        other_id: other.id,
        kind: input.kind,
        first_report_id: first,
        created_by: viewer.userId,
        created_at: at,
      });
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey: keys.caseKey,
        kind: 'link',
        summary: `${input.kind === 'duplicate' ? 'Marked a duplicate of' : 'Linked as related to'} ${reference}; ${first === reportId ? 'this case' : reference} was received first`,
      });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'case.link',
        subject: `report:${reportId}`,
        reason: `${input.kind} report:${other.id}`,
      });
    });
    return listLinks(deps, viewer, reportId);
  });
}

/** @throws not_found */
export async function unlinkCase(deps: Deps, viewer: Viewer, reportId: string, otherId: string): Promise<LinkView[]> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    // The viewer must hold the other case too; otherwise it does not exist for them.
    await withCaseKeys(deps, viewer, otherId, async () => undefined);
    const at = deps.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      if ((await deleteLink(trx, reportId, otherId)) === 0) throw errors.notFound('These cases are not linked.');
      const other = await getReportReferenceAndReceipt(trx, otherId);
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey: keys.caseKey,
        kind: 'unlink',
        summary: `Link to ${other.reference} removed`,
      });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'case.unlink',
        subject: `report:${reportId}`,
        reason: `report:${otherId}`,
      });
    });
    return listLinks(deps, viewer, reportId);
  });
}
