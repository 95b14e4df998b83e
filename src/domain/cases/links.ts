/**
 * Links between cases: a duplicate of, or related to, another case. The first-received report of the two is
 * recorded as first (who reported first is decided by registration time, MSS Order No. 2 Art. 8–10). The viewer
 * must hold both cases; otherwise the other case does not exist for them.
 */
import { wipe } from '../../crypto/sodium.ts';
import { audit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { caseKeys, grantedReports, type Viewer } from './access.ts';
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
  const rows = await deps.db
    .selectFrom('links as l')
    .innerJoin('reports as o', (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([eb('l.report_id', '=', reportId), eb('o.id', '=', eb.ref('l.other_id'))]),
          eb.and([eb('l.other_id', '=', reportId), eb('o.id', '=', eb.ref('l.report_id'))]),
        ]),
      ),
    )
    .innerJoin('grants as g', (j) =>
      j.onRef('g.report_id', '=', 'o.id').on('g.user_id', '=', viewer.userId).on('g.scope', '=', 'case'),
    )
    .select(['o.id', 'o.reference', 'l.kind', 'l.first_report_id'])
    .orderBy('o.received_at')
    .execute();
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
  const keys = await caseKeys(deps, viewer, reportId);
  try {
    const reference = input.reference.trim().toUpperCase();
    const other = await grantedReports(deps, viewer)
      .select(['r.id', 'r.received_at'])
      .where('r.reference', '=', reference)
      .executeTakeFirst();
    if (!other) throw errors.notFound(`There is no case ${reference} that you have access to.`);
    if (other.id === reportId) throw errors.invalid('self_link', 'A case cannot be linked to itself.');
    const self = await deps.db
      .selectFrom('reports')
      .select(['received_at', 'reference'])
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    const existing = await deps.db
      .selectFrom('links')
      .select('kind')
      .where((eb) =>
        eb.or([
          eb.and([eb('report_id', '=', reportId), eb('other_id', '=', other.id)]),
          eb.and([eb('report_id', '=', other.id), eb('other_id', '=', reportId)]),
        ]),
      )
      .executeTakeFirst();
    if (existing) throw errors.conflict('already_linked', `This case is already linked to ${reference}.`);
    const first = self.received_at <= other.received_at ? reportId : other.id;
    const at = deps.now().toISOString();
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('links')
        .values({
          report_id: reportId,
          other_id: other.id,
          kind: input.kind,
          first_report_id: first,
          created_by: viewer.userId,
          created_at: at,
        })
        .execute();
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
  } finally {
    wipe(keys.reportKey);
    wipe(keys.caseKey);
  }
}

/** @throws not_found */
export async function unlinkCase(deps: Deps, viewer: Viewer, reportId: string, otherId: string): Promise<LinkView[]> {
  const keys = await caseKeys(deps, viewer, reportId);
  try {
    await caseKeys(deps, viewer, otherId).then((k) => {
      wipe(k.reportKey);
      wipe(k.caseKey);
    });
    const at = deps.now().toISOString();
    await deps.db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('links')
        .where((eb) =>
          eb.or([
            eb.and([eb('report_id', '=', reportId), eb('other_id', '=', otherId)]),
            eb.and([eb('report_id', '=', otherId), eb('other_id', '=', reportId)]),
          ]),
        )
        .executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) throw errors.notFound('These cases are not linked.');
      const other = await trx
        .selectFrom('reports')
        .select('reference')
        .where('id', '=', otherId)
        .executeTakeFirstOrThrow();
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
  } finally {
    wipe(keys.reportKey);
    wipe(keys.caseKey);
  }
}
