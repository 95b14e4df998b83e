/** Links between cases (`links`) and a case's labels (`case_labels`). */
import type { Insertable } from 'kysely';
import type { Database } from './database.ts';
import type { LinksTable } from './tables.ts';

/**
 * The links of a case, both directions, to cases `userId` also holds a case grant on: the other case's id and
 * reference, the kind and which report was first; oldest other case first.
 */
export function listLinkRows(db: Database, userId: string, reportId: string) {
  return db
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
      j.onRef('g.report_id', '=', 'o.id').on('g.user_id', '=', userId).on('g.scope', '=', 'case'),
    )
    .select(['o.id', 'o.reference', 'l.kind', 'l.first_report_id'])
    .orderBy('o.received_at')
    .execute();
}

/** The kind of the link between two cases, in either direction; undefined when they are not linked. */
export function findLink(db: Database, reportId: string, otherId: string) {
  return db
    .selectFrom('links')
    .select('kind')
    .where((eb) =>
      eb.or([
        eb.and([eb('report_id', '=', reportId), eb('other_id', '=', otherId)]),
        eb.and([eb('report_id', '=', otherId), eb('other_id', '=', reportId)]),
      ]),
    )
    .executeTakeFirst();
}

/** Inserts one link. */
export async function insertLink(db: Database, link: Insertable<LinksTable>): Promise<void> {
  await db.insertInto('links').values(link).execute();
}

/** Deletes the link between two cases, in either direction. @returns how many rows were deleted */
export async function deleteLink(db: Database, reportId: string, otherId: string): Promise<number> {
  const removed = await db
    .deleteFrom('links')
    .where((eb) =>
      eb.or([
        eb.and([eb('report_id', '=', reportId), eb('other_id', '=', otherId)]),
        eb.and([eb('report_id', '=', otherId), eb('other_id', '=', reportId)]),
      ]),
    )
    .executeTakeFirst();
  return Number(removed.numDeletedRows);
}

/** The labels of a case, sorted. */
export async function listLabelRows(db: Database, reportId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_labels')
    .select('label')
    .where('report_id', '=', reportId)
    .orderBy('label')
    .execute();
  return rows.map((r) => r.label);
}

/** Replaces the labels of a case with `labels`. `at` ISO 8601. */
export async function replaceLabels(db: Database, reportId: string, labels: readonly string[], at: string) {
  await db.deleteFrom('case_labels').where('report_id', '=', reportId).execute();
  if (labels.length > 0)
    await db
      .insertInto('case_labels')
      .values(labels.map((label) => ({ report_id: reportId, label, created_at: at })))
      .execute();
}
