/**
 * Excluding staff from a case, and lifting an exclusion. An excluded person can never be granted the case; what
 * they hold of it is taken back when they are excluded. See src/domain/cases/excludable.ts for who can be excluded
 * and when a second person must approve it.
 * @see Directive (EU) 2019/1937 Art. 9(1)(c)–(d) (impartial handler); CEL 2023 Art. 52
 */
import type { CaseAccess } from '../../shared/api.ts';
import { REQUEST_TITLES } from '../../shared/requests.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { useApproval } from '../approvals/use.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { Viewer } from '../viewer.ts';
import { recordEvent } from './events.ts';
import { whyExclusionNeedsApproval, whyNotExcludable } from './excludable.ts';
import { EXCLUSION_REASONS, type ExclusionReason } from './grantable.ts';
import { addExclusion, dropExclusion, findExclusion } from './exclusion-store.ts';
import { caseAccess, takeBack } from './grants.ts';
import { asManager, targetUser } from './manage.ts';

/**
 * Excludes a staff member who could otherwise be granted the case. What they hold of it goes in the same step: the
 * case, an identity disclosed to them, the evidence key and originals' keys passed on to them.
 * @param input.requestId an approved `exclude_holder` request of the viewer's about this person: needed when they
 *   manage the case or are the last active holder of one of its keys (src/domain/cases/excludable.ts); used up here
 * @throws not_found | unknown_user | self_exclusion | not_excludable (400) | already_excluded (409) |
 *   approval_required (409, saying why)
 */
export async function excludeUser(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  input: { userId: string; reason: ExclusionReason; note?: string | undefined; requestId?: string | undefined },
): Promise<CaseAccess> {
  return asManager(deps, viewer, reportId, async ({ caseKey, category }) => {
    const user = await targetUser(deps, input.userId);
    if (input.userId === viewer.userId)
      throw errors.invalid(
        'self_exclusion',
        'Ask another manager of the case to exclude you, so that the case keeps someone who can manage it.',
      );
    const notExcludable = whyNotExcludable(user, category);
    if (notExcludable) throw errors.invalid('not_excludable', notExcludable);
    const at = deps.now().toISOString();
    const note = input.note?.trim();
    await inTransaction(deps.db, async (trx) => {
      if (await findExclusion(trx, reportId, caseKey, input.userId))
        throw errors.conflict('already_excluded', `${user.display_name} is already excluded from this case.`);
      const needsApproval = await whyExclusionNeedsApproval(trx, reportId, user, category);
      if (needsApproval && !input.requestId)
        throw errors.conflict(
          'approval_required',
          `${needsApproval} Excluding them needs an approved request: ask for one (“${REQUEST_TITLES.exclude_holder}”), which another manager of the case decides, and exclude them once it is approved.`,
        );
      if (needsApproval)
        await useApproval(deps, trx, {
          requestId: input.requestId,
          reportId,
          kind: 'exclude_holder',
          viewer,
          subject: input.userId,
        });
      await addExclusion(
        trx,
        reportId,
        caseKey,
        { userId: input.userId, reason: input.reason, note: note || null, createdBy: viewer.userId, createdAt: at },
        user.display_name,
      );
      // Never a custodian's identity grant (whyNotExcludable): an identity held here was disclosed to this person.
      await takeBack(trx, reportId, input.userId);
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey,
        kind: 'exclude',
        summary: `${user.display_name} excluded (${EXCLUSION_REASONS[input.reason]})${needsApproval ? ', as approved' : ''}`,
        reason: note,
      });
      // Who and why stay in the sealed history (above): the audit log, which oversight officers read and export
      // whole, must not tell whom a report names.
      await audit(deps, trx, { actor: viewer.userId, action: 'case.exclude', subject: `report:${reportId}` });
    });
    return caseAccess(deps, reportId, caseKey);
  });
}

/**
 * Lifts an exclusion. Lifting one made because the report names the person (`named_in_report`) needs an approved
 * `lift_exclusion` request of the viewer's about that person, decided by another manager of the case (two-person
 * rule: one oversight officer alone cannot open a complaint to a colleague it names); it is used up here.
 * @param requestId the approved `lift_exclusion` request, for a `named_in_report` exclusion
 * @throws not_found | unknown_user | approval_required (409) | own_exclusion (409)
 * @see CEL 2023 Art. 52
 */
export async function removeExclusion(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  userId: string,
  requestId?: string | null,
): Promise<CaseAccess> {
  return asManager(deps, viewer, reportId, async ({ caseKey }) => {
    const user = await targetUser(deps, userId);
    if (userId === viewer.userId)
      throw errors.conflict('own_exclusion', 'You cannot lift your own exclusion: another manager of the case must.');
    const at = deps.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      const removed = await dropExclusion(trx, reportId, caseKey, userId);
      if (!removed) throw errors.notFound(`${user.display_name} is not excluded from this case.`);
      if (removed.reason === 'named_in_report')
        await useApproval(deps, trx, { requestId, reportId, kind: 'lift_exclusion', viewer, subject: userId });
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey,
        kind: 'include',
        summary: `Exclusion of ${user.display_name} lifted`,
      });
      await audit(deps, trx, { actor: viewer.userId, action: 'case.include', subject: `report:${reportId}` });
    });
    return caseAccess(deps, reportId, caseKey);
  });
}
