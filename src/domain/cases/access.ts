/**
 * Access to a case is a grant: a case is visible only to users holding a `case` grant, whose sealed keys their
 * session's private key opens. Without a grant a case does not exist for the user (404), whatever their role.
 */
import { openSealed } from '../../crypto/sodium.ts';
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

/** Opens the viewer's grant on a case. @throws not_found without a grant */
export async function caseKeys(deps: Pick<Deps, 'db'>, viewer: Viewer, reportId: string): Promise<CaseKeys> {
  const grant = await deps.db
    .selectFrom('grants')
    .select('sealed_key')
    .where('report_id', '=', reportId)
    .where('user_id', '=', viewer.userId)
    .where('scope', '=', 'case')
    .executeTakeFirst();
  if (!grant) throw errors.notFound(NOT_FOUND);
  return unpackCaseKeys(openSealed(viewer.publicKey, viewer.secretKey, grant.sealed_key));
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
] as const;

/** Reports (as `r`) joined to the viewer's own case grants (as `g`): the only cases that exist for the viewer. */
export function grantedReports(deps: Pick<Deps, 'db'>, viewer: Pick<Viewer, 'userId'>) {
  return deps.db
    .selectFrom('reports as r')
    .innerJoin('grants as g', (j) =>
      j.onRef('g.report_id', '=', 'r.id').on('g.user_id', '=', viewer.userId).on('g.scope', '=', 'case'),
    );
}
