/** Certificates of receipt: the rows behind issuing and checking one (only a hash of each code is stored). */
import type { Database } from './database.ts';

/** What a certificate prints of a report: reference, category id, channel, time received. */
export function findReportForCertificate(db: Database, reportId: string) {
  return db
    .selectFrom('reports')
    .select(['reference', 'category', 'channel', 'received_at'])
    .where('id', '=', reportId)
    .executeTakeFirst();
}

/** The audit entry that recorded a report's submission (its sequence number and hash), if any. */
export function findSubmissionEntry(db: Database, reportId: string) {
  return db
    .selectFrom('audit')
    .select(['seq', 'hash'])
    .where('subject', '=', `report:${reportId}`)
    .where('action', '=', 'report.submit')
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
}

/** Stores an issued certificate's code hash (hex SHA-256), its report and when it was issued (ISO 8601). */
export async function insertCertificate(db: Database, codeHash: string, reportId: string, issuedAt: string) {
  await db
    .insertInto('certificates')
    .values({ code_hash: codeHash, report_id: reportId, issued_at: issuedAt })
    .execute();
}

/** The category id of the report a receipt locator belongs to, if any. */
export function findCategoryByLocator(db: Database, locator: string) {
  return db.selectFrom('reports').select('category').where('receipt_locator', '=', locator).executeTakeFirst();
}

/** The certificate with this code hash and what it certifies of its report, if any. */
export function findCertificateByHash(db: Database, codeHash: string) {
  return db
    .selectFrom('certificates as c')
    .innerJoin('reports as r', 'r.id', 'c.report_id')
    .select(['c.report_id', 'c.issued_at', 'r.reference', 'r.category', 'r.channel', 'r.received_at'])
    .where('c.code_hash', '=', codeHash)
    .executeTakeFirst();
}
