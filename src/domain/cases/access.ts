/**
 * Access to a case is a grant: a case is visible only to users holding a `case` grant, whose sealed keys their
 * session's private key opens. Without a grant a case does not exist for the user (404), whatever their role.
 */
import { openSealed, wipe } from '../../crypto/sodium.ts';
import type { Database } from '../../store/database.ts';
import type { GrantsTable } from '../../store/tables.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { unpackCaseKeys, type CaseKeys } from '../sealing.ts';

export interface Viewer {
  userId: string;
  role: string;
  publicKey: Buffer;
  /** The user's X25519 private key, unlocked by their session. */
  secretKey: Buffer;
}

export const NOT_FOUND = 'There is no such case, or you have no access to it.';

/**
 * The grant of `scope` that a user holds on a case: its sealed key and when it was given; undefined without one.
 * @param db the database, or the transaction to read in
 */
export function heldGrant(db: Database, reportId: string, userId: string, scope: GrantsTable['scope']) {
  return db
    .selectFrom('grants')
    .select(['sealed_key', 'created_at'])
    .where('report_id', '=', reportId)
    .where('user_id', '=', userId)
    .where('scope', '=', scope)
    .executeTakeFirst();
}

/** Opens the viewer's grant on a case. @throws not_found without a grant */
export async function caseKeys(deps: Pick<Deps, 'db'>, viewer: Viewer, reportId: string): Promise<CaseKeys> {
  const grant = await heldGrant(deps.db, reportId, viewer.userId, 'case');
  if (!grant) throw errors.notFound(NOT_FOUND);
  return unpackCaseKeys(openSealed(viewer.publicKey, viewer.secretKey, grant.sealed_key));
}

/**
 * Runs `work` with the viewer's case keys (report key and case key, 32 bytes each) and wipes both from memory
 * when it settles, whether it resolved or threw. The one way the domain holds a case's keys.
 * @throws not_found without a grant; whatever `work` throws
 */
export async function withCaseKeys<T>(
  deps: Pick<Deps, 'db'>,
  viewer: Viewer,
  reportId: string,
  work: (keys: CaseKeys) => Promise<T>,
): Promise<T> {
  const keys = await caseKeys(deps, viewer, reportId);
  try {
    return await work(keys);
  } finally {
    wipe(keys.reportKey);
    wipe(keys.caseKey);
  }
}

/** The summary columns of a case, as the queue and search present them. */
export const SUMMARY_COLUMNS = [
  'r.id',
  'r.reference',
  'r.category',
  'r.channel',
  'r.status',
  'r.outcome',
  'r.urgent',
  'r.received_at',
  'r.due_at',
  'r.protection_requested_at',
] as const;

/**
 * Reports (as `r`) joined to the viewer's own case grants (as `g`): the only cases that exist for the viewer.
 * @param drive the side SQLite reads first. `grants`: the viewer's grants, then sorted (for a viewer holding few).
 *   `reports`: an index on reports in the order asked, each row's grant probed (for a viewer holding many: a
 *   supervisor holds a grant on every case). SQLite keeps the order of a CROSS JOIN; PostgreSQL plans both alike.
 */
export function grantedReports(
  deps: Pick<Deps, 'db'>,
  viewer: Pick<Viewer, 'userId'>,
  drive: 'grants' | 'reports' = 'grants',
) {
  if (drive === 'reports')
    return deps.db
      .selectFrom('reports as r')
      .crossJoin('grants as g')
      .whereRef('g.report_id', '=', 'r.id')
      .where('g.user_id', '=', viewer.userId)
      .where('g.scope', '=', 'case');
  return deps.db
    .selectFrom('reports as r')
    .innerJoin('grants as g', (j) =>
      j.onRef('g.report_id', '=', 'r.id').on('g.user_id', '=', viewer.userId).on('g.scope', '=', 'case'),
    );
}

/** Whether the viewer holds fewer than `n` case grants; reads at most `n` entries of the grants_user index. */
export async function holdsFewerGrants(deps: Pick<Deps, 'db'>, userId: string, n: number): Promise<boolean> {
  const held = await deps.db
    .selectFrom((eb) =>
      eb
        .selectFrom('grants')
        .select('report_id')
        .where('user_id', '=', userId)
        .where('scope', '=', 'case')
        .limit(n)
        .as('held'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(held.n) < n;
}
