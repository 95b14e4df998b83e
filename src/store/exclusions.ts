/** Clear exclusion rows written before 0006 (`exclusions`); later exclusions are sealed on the report row. */
import type { Database } from './database.ts';

/** The clear exclusion rows of a case (note sealed under the case key, or null). */
export function listLegacyExclusionRows(db: Database, reportId: string) {
  return db
    .selectFrom('exclusions')
    .select(['user_id', 'reason', 'sealed_note', 'created_by', 'created_at'])
    .where('report_id', '=', reportId)
    .execute();
}

/** Deletes the clear exclusion rows of a case: one user's, or all when `userId` is not given. */
export async function deleteLegacyExclusions(db: Database, reportId: string, userId?: string): Promise<void> {
  let q = db.deleteFrom('exclusions').where('report_id', '=', reportId);
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  await q.execute();
}
