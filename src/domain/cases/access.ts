/**
 * Access to a case is a grant: a case is visible only to users holding a `case` grant, whose sealed keys their
 * session's private key opens. Without a grant a case does not exist for the user (404), whatever their role.
 */
import { openCaseKeys, type CaseKeys } from '../../crypto/case-keys.ts';
import { wipe } from '../../crypto/sodium.ts';
import { heldGrant } from '../../store/grants.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import type { Viewer } from '../viewer.ts';

export const NOT_FOUND = 'There is no such case, or you have no access to it.';

/** Opens the viewer's grant on a case. @throws not_found without a grant */
export async function caseKeys(deps: Pick<Deps, 'db'>, viewer: Viewer, reportId: string): Promise<CaseKeys> {
  const grant = await heldGrant(deps.db, reportId, viewer.userId, 'case');
  if (!grant) throw errors.notFound(NOT_FOUND);
  return openCaseKeys(viewer.publicKey, viewer.secretKey, grant.sealed_key);
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
  return holdingKeys(await caseKeys(deps, viewer, reportId), work);
}

/**
 * `withCaseKeys` for a grant's sealed key already read (a listing that joins each case's grant).
 * @throws CryptoError when the sealed key is not the viewer's; whatever `work` throws
 */
export function withSealedCaseKeys<T>(
  viewer: Pick<Viewer, 'publicKey' | 'secretKey'>,
  sealedKey: Buffer,
  work: (keys: CaseKeys) => Promise<T>,
): Promise<T> {
  return holdingKeys(openCaseKeys(viewer.publicKey, viewer.secretKey, sealedKey), work);
}

async function holdingKeys<T>(keys: CaseKeys, work: (keys: CaseKeys) => Promise<T>): Promise<T> {
  try {
    return await work(keys);
  } finally {
    wipe(keys.reportKey);
    wipe(keys.caseKey);
  }
}
