/** The reporter's identity: its sealed columns on the report, statements added later, and disclosures made. */
import type { Database } from './database.ts';

/** The sealed identity columns of a report; throws when the report does not exist. */
export function getReportIdentity(db: Database, reportId: string) {
  return db
    .selectFrom('reports')
    .select(['sealed_identity', 'identity_public_key', 'sealed_identity_secret', 'identity_added_at'])
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
}

/** A report's identity public key (null for reports made before identity could be added) and when it was added. */
export function findIdentityKeyOfReport(db: Database, reportId: string) {
  return db
    .selectFrom('reports')
    .select(['identity_public_key', 'identity_added_at'])
    .where('id', '=', reportId)
    .executeTakeFirst();
}

/** Identity statements the reporter added later, oldest first. */
export function listIdentityStatements(db: Database, reportId: string) {
  return db
    .selectFrom('identity_statements')
    .select(['id', 'sealed_identity', 'created_at'])
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Identity disclosures approved and used on a report, oldest first, with the sealed notice for the reporter. */
export function listUsedDisclosures(db: Database, reportId: string) {
  return db
    .selectFrom('requests')
    .select(['id', 'decided_at', 'sealed_reporter_notice'])
    .where('report_id', '=', reportId)
    .where('kind', '=', 'identity_disclosure')
    .where('status', '=', 'used')
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
}

/** Stores an identity statement (sealed) and marks the report's identity added at `at` (ISO 8601). */
export async function insertIdentityStatement(
  db: Database,
  row: { id: string; reportId: string; sealed: Buffer; at: string },
): Promise<void> {
  await db
    .insertInto('identity_statements')
    .values({ id: row.id, report_id: row.reportId, sealed_identity: row.sealed, created_at: row.at })
    .execute();
  await db
    .updateTable('reports')
    .set({ identity_added_at: row.at, updated_at: row.at })
    .where('id', '=', row.reportId)
    .execute();
}
