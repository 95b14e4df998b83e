/** `case_reads`: when each staff member last opened each case, against which reporter activity counts as unread. */
import type { Database } from './database.ts';

/** Records that `userId` opened `reportId` at `at` (ISO 8601), replacing an earlier time. */
export async function markCaseSeen(db: Database, userId: string, reportId: string, at: string): Promise<void> {
  await db
    .insertInto('case_reads')
    .values({ user_id: userId, report_id: reportId, seen_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'report_id']).doUpdateSet({ seen_at: at }))
    .execute();
}
