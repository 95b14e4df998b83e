/** Shortcuts for tests of deadlines and staff notices: staff with e-mail addresses, reports, handler grants. */
import type { Deps } from '../../src/domain/deps.ts';
import { ReportDraft } from '../../src/domain/reporter/submit.ts';
import { addUser } from '../../src/domain/accounts/users.ts';
import { setUserEmail } from '../../src/domain/accounts/user-admin.ts';
import type { Role } from '../../src/shared/api.ts';
import { PASSWORD } from './app.ts';

/** Espionage answers; `danger: 'yes'` makes a report urgent (24-hour response time). */
export const ANSWERS = {
  what_happened: 'A man in a grey van photographs the north gate of the radar station every morning.',
  where: 'Radar station Nordhafen',
  danger: 'no',
};

/** @returns the new user's id */
export async function addStaff(deps: Deps, username: string, role: Role, email?: string): Promise<string> {
  const { user } = await addUser(deps, { username, role, password: PASSWORD });
  if (email) await setUserEmail(deps, user.id, email);
  return user.id;
}

/** Submits a report through the domain, as the public form does. @returns its id and reference */
export async function submitReport(
  deps: Deps,
  answers: Record<string, unknown> = ANSWERS,
): Promise<{ id: string; reference: string }> {
  const { reportId, reference } = await new ReportDraft(deps).submit({
    categoryId: 'espionage',
    channel: 'web',
    answers,
  });
  return { id: reportId, reference };
}

/**
 * Records that `userId` works on the case: a `case` grant row. Its sealed key is a placeholder that opens nothing:
 * the jobs read only who holds grants (granting itself is tested with the case routes).
 */
export async function grantCase(deps: Deps, reportId: string, userId: string): Promise<void> {
  await deps.db
    .insertInto('grants')
    .values({
      report_id: reportId,
      user_id: userId,
      scope: 'case',
      sealed_key: Buffer.from('placeholder'),
      granted_by: null,
      created_at: deps.now().toISOString(),
    })
    .execute();
}

/** Pending notices as `username:kind` strings, sorted. */
export async function pendingNotices(deps: Deps): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['users.username', 'notifications.kind'])
    .where('notifications.sent_at', 'is', null)
    .execute();
  return rows.map((r) => `${r.username}:${r.kind}`).sort();
}
