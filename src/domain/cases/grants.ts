/**
 * Who may work on a case. A supervisor grants a case to a handler by re-sealing the case keys, which the
 * supervisor's own session opens, to the handler's public key: the server alone cannot grant what it cannot
 * read. Staff can be excluded from a case (named in it, or a conflict of interest); an excluded person can never
 * be granted it, and the refusal says why.
 * @see Directive (EU) 2019/1937 Art. 9(1)(c)–(d) (impartial handler); ISO 37002 §8.3
 */
import { open, seal, sealTo, wipe } from '../../crypto/sodium.ts';
import type { CaseAccess, Role } from '../../shared/api.ts';
import { queueNotices } from '../../mail/outbox.ts';
import { audit } from '../audit.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { packCaseKeys } from '../sealing.ts';
import { caseKeys, type Viewer } from './access.ts';
import { recordEvent } from './events.ts';

/** Roles that can hold a case grant. */
export const GRANTABLE_ROLES: readonly Role[] = ['handler', 'supervisor'];

export const EXCLUSION_REASONS = {
  named_in_report: 'named in the report',
  conflict_of_interest: 'a conflict of interest',
  other: 'another reason recorded on the case',
} as const;
export type ExclusionReason = keyof typeof EXCLUSION_REASONS;

const noteAd = (reportId: string, userId: string) => Buffer.from(`report:${reportId}:exclusion:${userId}`);

/** Staff that can be granted cases, for a supervisor's picker. */
export async function listGrantableStaff(deps: Pick<Deps, 'db'>, role?: Role) {
  const q = deps.db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role'])
    .where('disabled_at', 'is', null)
    .where('role', 'in', role ? [role] : [...GRANTABLE_ROLES])
    .orderBy('display_name');
  const rows = await q.execute();
  return rows.map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role as Role }));
}

/** Grants and exclusions of a case. Only for those who may manage access (caller checks). */
export async function caseAccess(deps: Pick<Deps, 'db'>, reportId: string, caseKey: Buffer): Promise<CaseAccess> {
  const grants = await deps.db
    .selectFrom('grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.user_id', 'g.created_at', 'u.display_name', 'u.role'])
    .where('g.report_id', '=', reportId)
    .where('g.scope', '=', 'case')
    .orderBy('u.display_name')
    .execute();
  const exclusions = await deps.db
    .selectFrom('exclusions as x')
    .innerJoin('users as u', 'u.id', 'x.user_id')
    .select(['x.user_id', 'x.reason', 'x.sealed_note', 'x.created_at', 'u.display_name'])
    .where('x.report_id', '=', reportId)
    .orderBy('u.display_name')
    .execute();
  return {
    grants: grants.map((g) => ({
      userId: g.user_id,
      displayName: g.display_name,
      role: g.role as Role,
      grantedAt: g.created_at,
    })),
    exclusions: exclusions.map((x) => ({
      userId: x.user_id,
      displayName: x.display_name,
      reason: x.reason as ExclusionReason,
      note: x.sealed_note ? open(caseKey, x.sealed_note, noteAd(reportId, x.user_id)).toString() : null,
      createdAt: x.created_at,
    })),
  };
}

/** Supervisors manage access; everyone else is told the case does not exist for them (no hint either way). */
export function canManageAccess(viewer: Viewer): boolean {
  return viewer.role === 'supervisor';
}

async function targetUser(deps: Pick<Deps, 'db'>, userId: string) {
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'public_key', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled_at) throw errors.invalid('unknown_user', 'There is no active staff member with that id.');
  return user;
}

/** Runs `change` with the case keys of a supervisor who holds the case. @throws not_found (no grant or not a supervisor) */
async function asManager<T>(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  change: (caseKey: Buffer, packed: Buffer) => Promise<T>,
): Promise<T> {
  const keys = await caseKeys(deps, viewer, reportId);
  try {
    if (!canManageAccess(viewer)) throw errors.notFound('There is no such case, or you have no access to it.');
    return await change(keys.caseKey, packCaseKeys(keys));
  } finally {
    wipe(keys.reportKey);
    wipe(keys.caseKey);
  }
}

/** @throws not_found | unknown_user | not_grantable | excluded (409, saying why) */
export async function grantCase(deps: Deps, viewer: Viewer, reportId: string, userId: string): Promise<CaseAccess> {
  return asManager(deps, viewer, reportId, async (caseKey, packed) => {
    const user = await targetUser(deps, userId);
    if (!GRANTABLE_ROLES.includes(user.role as Role))
      throw errors.invalid(
        'not_grantable',
        `Cases are granted to handlers and supervisors, not to the role “${user.role}”.`,
      );
    const exclusion = await deps.db
      .selectFrom('exclusions')
      .select('reason')
      .where('report_id', '=', reportId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (exclusion)
      throw errors.conflict(
        'excluded',
        `${user.display_name} is excluded from this case (${EXCLUSION_REASONS[exclusion.reason as ExclusionReason] ?? exclusion.reason}) and cannot be granted it.`,
      );
    const at = deps.now().toISOString();
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('grants')
        .values({
          report_id: reportId,
          user_id: userId,
          scope: 'case',
          sealed_key: sealTo(user.public_key, packed),
          granted_by: viewer.userId,
          created_at: at,
        })
        .onConflict((oc) => oc.columns(['report_id', 'user_id', 'scope']).doNothing())
        .execute();
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey,
        kind: 'grant',
        summary: `Granted to ${user.display_name}`,
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

/** @throws not_found | unknown_user */
export async function revokeGrant(deps: Deps, viewer: Viewer, reportId: string, userId: string): Promise<CaseAccess> {
  return asManager(deps, viewer, reportId, async (caseKey) => {
    const user = await targetUser(deps, userId);
    const at = deps.now().toISOString();
    await deps.db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('grants')
        .where('report_id', '=', reportId)
        .where('user_id', '=', userId)
        .where('scope', '=', 'case')
        .executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0)
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

/** Excludes a staff member; a grant they hold is revoked in the same step. @throws not_found | unknown_user | self_exclusion */
export async function excludeUser(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  input: { userId: string; reason: ExclusionReason; note?: string | undefined },
): Promise<CaseAccess> {
  return asManager(deps, viewer, reportId, async (caseKey) => {
    const user = await targetUser(deps, input.userId);
    if (input.userId === viewer.userId)
      throw errors.invalid(
        'self_exclusion',
        'Ask another supervisor to exclude you, so that the case keeps someone who can manage it.',
      );
    const at = deps.now().toISOString();
    const note = input.note?.trim();
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('exclusions')
        .values({
          report_id: reportId,
          user_id: input.userId,
          reason: input.reason,
          sealed_note: note ? seal(caseKey, Buffer.from(note), noteAd(reportId, input.userId)) : null,
          created_by: viewer.userId,
          created_at: at,
        })
        .onConflict((oc) => oc.columns(['report_id', 'user_id']).doNothing())
        .execute();
      await trx.deleteFrom('grants').where('report_id', '=', reportId).where('user_id', '=', input.userId).execute();
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey,
        kind: 'exclude',
        summary: `${user.display_name} excluded (${EXCLUSION_REASONS[input.reason]})`,
        reason: note,
      });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'case.exclude',
        subject: `report:${reportId}`,
        reason: `user:${input.userId} ${input.reason}`,
      });
    });
    return caseAccess(deps, reportId, caseKey);
  });
}

/** @throws not_found */
export async function removeExclusion(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  userId: string,
): Promise<CaseAccess> {
  return asManager(deps, viewer, reportId, async (caseKey) => {
    const user = await targetUser(deps, userId);
    const at = deps.now().toISOString();
    await deps.db.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('exclusions')
        .where('report_id', '=', reportId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0)
        throw errors.notFound(`${user.display_name} is not excluded from this case.`);
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey,
        kind: 'include',
        summary: `Exclusion of ${user.display_name} lifted`,
      });
      await audit(deps, trx, {
        actor: viewer.userId,
        action: 'case.include',
        subject: `report:${reportId}`,
        reason: `user:${userId}`,
      });
    });
    return caseAccess(deps, reportId, caseKey);
  });
}

/** For the case view: the access of a case, when the viewer may manage it. */
export async function caseAccessFor(deps: Deps, viewer: Viewer, reportId: string): Promise<CaseAccess> {
  return asManager(deps, viewer, reportId, async (caseKey) => caseAccess(deps, reportId, caseKey));
}
