/**
 * Checks made before a request is stored: its subject exists (a file of this case, an active staff member), and
 * it does not repeat a request still waiting or ask for what the requester already has.
 */
import { findActiveActivatedUser, findFileOfReport, findWaitingRequest } from '../../store/requests.ts';
import { categoryOfReport } from '../categories.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { REQUEST_SUBJECTS } from '../../shared/requests.ts';
import type { Category } from '../../shared/profile.ts';
import { heldGrant } from '../../store/grants.ts';
import type { Viewer } from '../viewer.ts';
import { canManageAccess } from '../cases/manage.ts';
import { whyExclusionNeedsApproval, whyNotExcludable } from '../cases/excludable.ts';
import { findExclusion, type Exclusion } from '../cases/exclusion-store.ts';
import { EXCLUSION_REASONS, whyNotGrantable } from '../cases/grantable.ts';
import { coversCategory } from '../accounts/category-staff.ts';
import type { RequestKind } from '../approvals/kinds.ts';

/**
 * @param caseKey the requester's case key (opened by their grant), to read who is excluded from the case
 * @throws validation_failed (details.subject) when the subject is not a file of the case or an active staff member;
 *   invalid_subject (400, details.subject) for grant_outside when the person could never be granted the case (their role), works on its category already
 *   (grant directly), already holds it, is excluded from it, or is the requester; for lift_exclusion, when the
 *   person is not excluded as named in the report, or is the requester; for exclude_holder, when the person cannot
 *   be excluded, is excluded already, could be excluded without an approval, or is the requester
 */
export async function checkSubject(
  deps: Pick<Deps, 'db' | 'profile'>,
  viewer: Pick<Viewer, 'userId'>,
  kind: RequestKind,
  reportId: string,
  subject: string,
  caseKey: Buffer,
): Promise<void> {
  const what = REQUEST_SUBJECTS[kind];
  if (what === 'file') {
    const file = await findFileOfReport(deps.db, reportId, subject);
    if (!file) throw errors.validation({ subject: 'Choose a file of this case.' });
  } else if (what === 'user') {
    const user = await findActiveActivatedUser(deps.db, subject);
    if (!user) throw errors.validation({ subject: 'Choose an active staff member.' });
    const { categoryId, category } = await categoryOfReport(deps, reportId);
    const on: Case = {
      id: reportId,
      categoryId,
      category,
    };
    const exclusion = await findExclusion(deps.db, reportId, caseKey, user.id);
    if (kind === 'grant_outside') await checkGrantOutside(deps, viewer, on, user, exclusion);
    if (kind === 'lift_exclusion') checkLiftExclusion(viewer, user, exclusion);
    if (kind === 'exclude_holder') await checkExcludeHolder(deps, viewer, on, user, exclusion);
  }
}

type Subject = { id: string; role: string; display_name: string; categories: string | null };
/** The case a request is about: its id, its category's id, and the category (undefined once it left the profile). */
type Case = { id: string; categoryId: string; category: Category | undefined };

/** 400 invalid_subject: the person named cannot be the subject of this request, saying why. */
const refuse = (message: string) => errors.invalid('invalid_subject', message, { subject: message });

/** A grant_outside request names someone the grant could then be given to, and who needs the request for it. */
async function checkGrantOutside(
  deps: Pick<Deps, 'db'>,
  viewer: Pick<Viewer, 'userId'>,
  report: Case,
  user: Subject,
  exclusion: Exclusion | undefined,
): Promise<void> {
  if (user.id === viewer.userId) throw refuse('You already hold this case. Choose the person to grant it to.');
  const { category } = report;
  const notGrantable = whyNotGrantable(user.role, category);
  if (notGrantable) throw refuse(`${user.display_name} can never be granted this case. ${notGrantable}`);
  if (await heldGrant(deps.db, report.id, user.id, 'case'))
    throw refuse(`${user.display_name} already holds this case: there is nothing to approve.`);
  if (exclusion)
    throw refuse(
      `${user.display_name} is excluded from this case (${EXCLUSION_REASONS[exclusion.reason] ?? exclusion.reason}) and cannot be granted it.`,
    );
  if (coversCategory(user.categories, report.categoryId))
    throw refuse(
      `${user.display_name} works on “${category?.title ?? report.categoryId}”: grant the case to them directly, no approval is needed.`,
    );
}

/** A lift_exclusion request names someone excluded because the report names them, never the requester. */
function checkLiftExclusion(viewer: Pick<Viewer, 'userId'>, user: Subject, exclusion: Exclusion | undefined): void {
  if (user.id === viewer.userId)
    throw refuse('You cannot ask about your own exclusion: another manager of the case must.');
  if (exclusion?.reason !== 'named_in_report')
    throw refuse(
      exclusion
        ? `${user.display_name} is excluded for ${EXCLUSION_REASONS[exclusion.reason] ?? exclusion.reason}, not because the report names them: a manager of the case lifts that exclusion directly.`
        : `${user.display_name} is not excluded from this case.`,
    );
}

/** An exclude_holder request names someone whose exclusion needs it (src/domain/cases/excludable.ts), never the requester. */
async function checkExcludeHolder(
  deps: Pick<Deps, 'db'>,
  viewer: Pick<Viewer, 'userId'>,
  report: Case,
  user: Subject,
  exclusion: Exclusion | undefined,
): Promise<void> {
  if (user.id === viewer.userId)
    throw refuse('You cannot ask to exclude yourself: another manager of the case must exclude you.');
  const notExcludable = whyNotExcludable(user, report.category);
  if (notExcludable) throw refuse(notExcludable);
  if (exclusion) throw refuse(`${user.display_name} is already excluded from this case.`);
  if (!(await whyExclusionNeedsApproval(deps.db, report.id, user, report.category)))
    throw refuse(
      `${user.display_name} neither manages this case nor is the last holder of one of its keys: a manager of the case excludes them directly, no approval is needed.`,
    );
}

/**
 * A request for what the viewer may do alone. @throws conflict/not_needed (a manager of the case asking to close it)
 */
export function refuseNeedless(
  viewer: Pick<Viewer, 'role'>,
  kind: RequestKind,
  category: Pick<Category, 'kind'> | undefined,
): void {
  if (kind === 'close_case' && canManageAccess(viewer, category))
    throw errors.conflict('not_needed', 'You manage this case: close it directly under Status, no approval is needed.');
}

/**
 * @throws conflict/already_disclosed (identity disclosure to someone who already holds the identity) |
 *   conflict/already_requested (the same request of the viewer's is still waiting for a decision)
 */
export async function refuseRepeat(
  deps: Pick<Deps, 'db' | 'now'>,
  viewer: Viewer,
  input: { reportId: string; kind: RequestKind; subject: string | null },
): Promise<void> {
  if (input.kind === 'identity_disclosure') {
    if (await heldGrant(deps.db, input.reportId, viewer.userId, 'identity'))
      throw errors.conflict(
        'already_disclosed',
        "The reporter's identity is already disclosed to you. It is shown in the case's “Reporter's identity” section.",
      );
  }
  const waiting = await findWaitingRequest(deps.db, {
    reportId: input.reportId,
    requesterId: viewer.userId,
    kind: input.kind,
    subject: input.subject,
    now: deps.now().toISOString(),
  });
  if (waiting)
    throw errors.conflict(
      'already_requested',
      'You already asked for this on this case, and it is waiting for a decision. You can see it in the case’s Approvals section and on the Requests page.',
    );
}
