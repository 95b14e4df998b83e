/**
 * Checks made before a request is stored: its subject exists (a file of this case, an active staff member), and
 * it does not repeat a request still waiting or ask for what the requester already has.
 */
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { REQUEST_SUBJECTS } from '../../shared/requests.ts';
import type { Viewer } from '../cases/access.ts';
import type { RequestKind } from './kinds.ts';

/** @throws validation_failed (details.subject) when the subject is not a file of the case or an active staff member */
export async function checkSubject(
  deps: Pick<Deps, 'db'>,
  kind: RequestKind,
  reportId: string,
  subject: string,
): Promise<void> {
  const what = REQUEST_SUBJECTS[kind];
  if (what === 'file') {
    const file = await deps.db
      .selectFrom('files')
      .select('id')
      .where('id', '=', subject)
      .where('report_id', '=', reportId)
      .executeTakeFirst();
    if (!file) throw errors.validation({ subject: 'Choose a file of this case.' });
  } else if (what === 'user') {
    const user = await deps.db
      .selectFrom('users')
      .select('id')
      .where('id', '=', subject)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (!user) throw errors.validation({ subject: 'Choose an active staff member.' });
  }
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
    const held = await deps.db
      .selectFrom('grants')
      .select('user_id')
      .where('report_id', '=', input.reportId)
      .where('user_id', '=', viewer.userId)
      .where('scope', '=', 'identity')
      .executeTakeFirst();
    if (held)
      throw errors.conflict(
        'already_disclosed',
        "The reporter's identity is already disclosed to you. It is shown in the case's “Reporter's identity” section.",
      );
  }
  let waiting = deps.db
    .selectFrom('requests')
    .select('id')
    .where('report_id', '=', input.reportId)
    .where('requester_id', '=', viewer.userId)
    .where('kind', '=', input.kind)
    .where('status', '=', 'pending')
    .where('expires_at', '>', deps.now().toISOString());
  waiting =
    input.subject === null ? waiting.where('subject', 'is', null) : waiting.where('subject', '=', input.subject);
  if (await waiting.executeTakeFirst())
    throw errors.conflict(
      'already_requested',
      'You already asked for this on this case, and it is waiting for a decision. You can see it under Approvals.',
    );
}
