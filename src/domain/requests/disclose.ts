/**
 * What approving an identity disclosure does, inside the decision's transaction: the deciding custodian's own
 * session opens the custodian's `identity` grant (the identity key sealed to the custodian) and seals the identity
 * key to the requester's public key, as a new `identity` grant. No code path can do this without a custodian's
 * request: the custodian's private key is opened only with the session secret that request carries (root on the
 * running server, who sees that secret pass, can: docs/SECURITY.md, "Root on the running server").
 * @see EU 2019/1937 Art. 16(2)–(3); CEL 2023 Art. 16 (the informant's identity kept confidential)
 */
import { openSealed, sealTo, wipe } from '../../crypto/sodium.ts';
import { findCaseHolderAccount, upsertIdentityGrant } from '../../store/requests.ts';
import type { Tables } from '../../store/tables.ts';
import type { Tx } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import { heldGrant } from '../../store/grants.ts';
import type { Viewer } from '../viewer.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';

/**
 * Re-seals the identity key of `request.report_id` from the custodian `viewer` to the requester.
 * @throws not_found (the custodian holds no identity grant) | conflict/requester_gone (the requester's account is
 *   disabled or no longer holds the case)
 */
export async function discloseIdentity(
  deps: Pick<Deps, 'dialect' | 'now'>,
  trx: Tx,
  viewer: Viewer,
  request: Pick<Tables['requests'], 'id' | 'report_id' | 'requester_id'>,
): Promise<void> {
  const grant = await heldGrant(trx, request.report_id, viewer.userId, 'identity');
  if (!grant) throw errors.notFound('There is no such request, or it is not yours to decide.');
  const requester = await findCaseHolderAccount(trx, request.report_id, request.requester_id);
  if (!requester || requester.disabled_at || !requester.activated_at)
    throw errors.conflict(
      'requester_gone',
      'The person who asked no longer works on this case, so the identity cannot be disclosed to them. Refuse the request instead.',
    );
  const identityKey = openSealed(viewer.publicKey, viewer.secretKey, grant.sealed_key);
  try {
    const at = deps.now().toISOString();
    const sealed = sealTo(requester.public_key, identityKey);
    await upsertIdentityGrant(trx, {
      report_id: request.report_id,
      user_id: request.requester_id,
      sealed_key: sealed,
      granted_by: viewer.userId,
      created_at: at,
    });
  } finally {
    wipe(identityKey);
  }
  await audit(deps, trx, {
    actor: viewer.userId,
    action: 'identity.disclose',
    subject: `report:${request.report_id}`,
    reason: `request:${request.id} user:${request.requester_id}`,
  });
}
