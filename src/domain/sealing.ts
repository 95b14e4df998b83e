/**
 * Associated data for every sealed column: binds a ciphertext to its row and purpose, so one cannot be moved to
 * another report or column without failing authentication.
 */
export const answersAd = (reportId: string) => Buffer.from(`report:${reportId}:answers`);
export const identityAd = (reportId: string) => Buffer.from(`report:${reportId}:identity`);
export const identitySecretAd = (reportId: string) => Buffer.from(`report:${reportId}:identity-secret`);
export const identityStatementAd = (reportId: string, statementId: string) =>
  Buffer.from(`report:${reportId}:identity-statement:${statementId}`);
export const reporterKeyAd = (reportId: string) => Buffer.from(`report:${reportId}:reporter-key`);
export const messageAd = (reportId: string, messageId: string) =>
  Buffer.from(`report:${reportId}:message:${messageId}`);
export const fileAd = (reportId: string, fileId: string) => Buffer.from(`report:${reportId}:file:${fileId}`);
export const eventAd = (reportId: string, eventId: string) => Buffer.from(`report:${reportId}:event:${eventId}`);

/** The keys of one report: `report` (shared with the reporter) and `case` (staff only), sealed together in a grant. */
export interface CaseKeys {
  reportKey: Buffer;
  caseKey: Buffer;
}
export const packCaseKeys = (k: CaseKeys): Buffer => Buffer.concat([k.reportKey, k.caseKey]);
export const unpackCaseKeys = (b: Buffer): CaseKeys => ({ reportKey: b.subarray(0, 32), caseKey: b.subarray(32, 64) });

/** The copies of an uploaded file: `cleaned` (metadata removed, under the report key) and `original` (as received). */
export type BlobRole = 'cleaned' | 'original';
/**
 * Associated data of every chunk of a format-2 blob (src/crypto/stream.ts): which file of which report, and which
 * copy, so that a blob moved to another row or role fails to decrypt instead of showing one file under another's name.
 */
export const fileBlobAd = (reportId: string, fileId: string, role: BlobRole) =>
  Buffer.from(`report:${reportId}:file:${fileId}:blob:${role}`);
