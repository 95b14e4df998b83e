/**
 * Who may work on a case. A manager of the case — a supervisor; an oversight officer for a complaint about an
 * official — grants it by re-sealing the case keys, which the manager's own session opens, to the new holder's
 * public key: no code path grants without a manager's session (root on the running server, who sees session secrets
 * pass, is another matter: docs/SECURITY.md). A complaint about an official is granted only to
 * oversight officers, an ordinary case never to them. Granting to someone outside the category's staff needs an
 * approved `grant_outside` request (two-person rule). Staff excluded from a case (named in it, or a conflict of
 * interest: src/domain/cases/exclusions.ts) can never be granted it, and the refusal says why.
 * @see Directive (EU) 2019/1937 Art. 9(1)(c)–(d) (impartial handler); ISO 37002 §8.3; CEL 2023 Art. 52
 */
import { sealCaseKeys } from '../../crypto/case-keys.ts';
import type { CaseAccess, Role } from '../../shared/api.ts';
import { queueNotices } from '../../mail/outbox.ts';
import { findDisplayNames, listActiveStaff } from '../../store/category-staff.ts';
import { deleteHeldKeys, heldGrant, insertCaseGrant, listCaseGrantHolders } from '../../store/grants.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import { coversCategory, parseCategories } from '../accounts/category-staff.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { useApproval } from '../approvals/use.ts';
import type { Viewer } from '../viewer.ts';
import { asManager, canManageAccess, targetUser } from './manage.ts';
import { recordEvent } from './events.ts';
import { findExclusion, listExclusions, sealLegacyExclusions } from './exclusion-store.ts';
import { EXCLUSION_REASONS, GRANTABLE_ROLES, whyNotGrantable, type ExclusionReason } from './grantable.ts';

export { canManageAccess, EXCLUSION_REASONS, GRANTABLE_ROLES, type ExclusionReason };

/** Staff that can be granted cases, for a manager's picker, with the categories each works on (null: all). */
export async function listGrantableStaff(deps: Pick<Deps, 'db'>, role?: Role) {
  const rows = await listActiveStaff(deps.db, role ? [role] : GRANTABLE_ROLES);
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    categories: parseCategories(u.categories),
  }));
}

/** Grants and exclusions of a case. Only for those who may manage access (caller checks). */
export async function caseAccess(deps: Pick<Deps, 'db'>, reportId: string, caseKey: Buffer): Promise<CaseAccess> {
  const grants = await listCaseGrantHolders(deps.db, reportId);
  const exclusions = await listExclusions(deps.db, reportId, caseKey);
  const names = await findDisplayNames(
    deps.db,
    exclusions.map((x) => x.userId),
  );
  return {
    grants: grants.map((g) => ({
      userId: g.user_id,
      displayName: g.display_name,
      role: g.role as Role,
      grantedAt: g.created_at,
    })),
    exclusions: exclusions
      // A person whose account is gone stays excluded (the id is kept), shown as such.
      .map((x) => ({
        userId: x.userId,
        displayName: names.get(x.userId) ?? 'A former staff member',
        reason: x.reason,
        note: x.note,
        createdAt: x.createdAt,
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName)),
  };
}

/**
 * Grants the case to a staff member.
 * @param requestId an approved `grant_outside` request of the viewer's for this case and user: needed when the
 *   user does not work on the case's category (users.categories); used up by the grant
 * @throws not_found | unknown_user | not_grantable | already_granted (409) | excluded (409, saying why) |
 *   approval_required (409)
 */
export async function grantCase(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  userId: string,
  requestId?: string | null,
): Promise<CaseAccess> {
  return asManager(deps, viewer, reportId, async ({ keys, caseKey, category, categoryId }) => {
    const user = await targetUser(deps, userId);
    const notGrantable = whyNotGrantable(user.role, category);
    if (notGrantable) throw errors.invalid('not_grantable', notGrantable);
    if (await heldGrant(deps.db, reportId, userId, 'case'))
      throw errors.conflict('already_granted', `${user.display_name} already holds this case: nothing to grant.`);
    const outside = !coversCategory(user.categories, categoryId);
    if (outside && !requestId)
      throw errors.conflict(
        'approval_required',
        `${user.display_name} does not work on “${category?.title ?? categoryId}”. Granting the case to someone outside the category's staff needs an approved request: ask for one (“Grant the case to someone outside the category's staff”), and grant it once a second person has approved it.`,
      );
    const at = deps.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      const exclusion = await findExclusion(trx, reportId, caseKey, userId);
      if (exclusion)
        throw errors.conflict(
          'excluded',
          `${user.display_name} is excluded from this case (${EXCLUSION_REASONS[exclusion.reason] ?? exclusion.reason}) and cannot be granted it.`,
        );
      if (outside)
        await useApproval(deps, trx, { requestId, reportId, kind: 'grant_outside', viewer, subject: userId });
      await insertCaseGrant(trx, {
        reportId,
        userId,
        sealedKey: sealCaseKeys(user.public_key, keys),
        grantedBy: viewer.userId,
        createdAt: at,
      });
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey,
        kind: 'grant',
        summary: `Granted to ${user.display_name}${outside ? " (outside the category's staff, approved)" : ''}`,
      });
      // The new holder hears that work is waiting (no content, no case identifier: src/mail/compose.ts).
      await queueNotices(deps, trx, [userId], 'assigned');
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'case.grant',
        subject: `report:${reportId}`,
        reason: `user:${userId}`,
      });
    });
    return caseAccess(deps, reportId, caseKey);
  });
}

/**
 * Takes back everything a person holds of a case, inside the caller's transaction: the case, an identity disclosed
 * to them (no key to the reporter's identity stays with a former holder), the evidence key, and originals' keys
 * passed on to them (src/domain/cases/originals.ts). Never called for a custodian, whose identity grant may be the
 * only one (src/domain/cases/excludable.ts).
 * @returns how many grants were deleted (original keys not counted)
 */
export function takeBack(trx: Tx, reportId: string, userId: string): Promise<number> {
  return deleteHeldKeys(trx, reportId, userId);
}

/** @throws not_found | unknown_user */
export async function revokeGrant(deps: Deps, viewer: Viewer, reportId: string, userId: string): Promise<CaseAccess> {
  return asManager(deps, viewer, reportId, async ({ caseKey }) => {
    const user = await targetUser(deps, userId);
    const at = deps.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      if ((await takeBack(trx, reportId, userId)) === 0)
        throw errors.notFound(`${user.display_name} holds no grant on this case.`);
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey,
        kind: 'revoke',
        summary: `Access of ${user.display_name} revoked`,
      });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'case.revoke',
        subject: `report:${reportId}`,
        reason: `user:${userId}`,
      });
    });
    return caseAccess(deps, reportId, caseKey);
  });
}

/** For the case view: the access of a case, when the viewer may manage it. */
export async function caseAccessFor(deps: Deps, viewer: Viewer, reportId: string): Promise<CaseAccess> {
  return asManager(deps, viewer, reportId, async ({ caseKey }) => {
    // Exclusion notes are case content: reading them is audited like opening the case. Clear exclusion rows of
    // before 0006 are sealed now that a manager's session holds the case key.
    await inTransaction(deps.db, async (trx) => {
      await sealLegacyExclusions(trx, reportId, caseKey);
      await audit(deps, trx, { actor: viewer.userId, action: 'case.access_read', subject: `report:${reportId}` });
    });
    return caseAccess(deps, reportId, caseKey);
  });
}
