/** What a report's record of accesses reads: the report's reference and the audit entries about it and its parts. */
import type { Database } from './database.ts';

/** A report's reference; undefined when the report no longer exists. */
export function findReportReference(db: Database, reportId: string) {
  return db.selectFrom('reports').select('reference').where('id', '=', reportId).executeTakeFirst();
}

/** The audit subjects of a report: `report:<id>`, `file:<id>` of each file, `request:<id>` of each request. */
export async function listReportSubjects(db: Database, reportId: string): Promise<string[]> {
  const [files, requests] = await Promise.all([
    db.selectFrom('files').select('id').where('report_id', '=', reportId).execute(),
    db.selectFrom('requests').select('id').where('report_id', '=', reportId).execute(),
  ]);
  return [`report:${reportId}`, ...files.map((f) => `file:${f.id}`), ...requests.map((q) => `request:${q.id}`)];
}

/** The audit entries (at, actor, action, reason) whose subject is one of `subjects`, oldest first. */
export function listAuditEntriesAbout(db: Database, subjects: string[]) {
  return db
    .selectFrom('audit')
    .select(['at', 'actor', 'action', 'reason'])
    .where('subject', 'in', subjects)
    .orderBy('seq')
    .execute();
}
