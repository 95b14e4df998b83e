/**
 * A case's keys and what its ciphertexts are bound to. The associated data of every sealed column binds a
 * ciphertext to its report, row and purpose, so one cannot be moved to another report or column without failing
 * authentication; a grant seals a case's two keys together to a holder's public key.
 */
import { openSealed, sealTo } from './sodium.ts';

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
/** Associated data of a case's sealed exclusion list (`reports.sealed_exclusions`). */
export const exclusionsAd = (reportId: string) => Buffer.from(`report:${reportId}:exclusions`);
/** The channel facts an intake operator recorded (`reports.sealed_intake`, report key). */
export const intakeAd = (reportId: string) => Buffer.from(`report:${reportId}:intake`);
/** Associated data of the note of a clear exclusion row (before 0006). */
export const legacyNoteAd = (reportId: string, userId: string) => Buffer.from(`report:${reportId}:exclusion:${userId}`);

/** An action record's sealed details (case key). */
export const actionAd = (reportId: string, actionId: string) => Buffer.from(`report:${reportId}:action:${actionId}`);
/** The reporter's account in a protection request (report key). */
export const protectionAccountAd = (reportId: string, requestId: string) =>
  Buffer.from(`report:${reportId}:protection:${requestId}:account`);
/** Staff's note on the response to a protection request (case key). */
export const protectionNoteAd = (reportId: string, requestId: string) =>
  Buffer.from(`report:${reportId}:protection:${requestId}:note`);
/** The text of a transcript or minutes of an oral report (report key: the reporter reads and confirms it). */
export const transcriptAd = (reportId: string, transcriptId: string) =>
  Buffer.from(`report:${reportId}:transcript:${transcriptId}`);
/** A reporter's correction of a transcript, kept beside the original text (report key). */
export const transcriptCorrectionAd = (reportId: string, transcriptId: string, correctionId: string) =>
  Buffer.from(`report:${reportId}:transcript:${transcriptId}:correction:${correctionId}`);
/** The sealed reason of a legal hold (case key). */
export const legalHoldAd = (reportId: string) => Buffer.from(`report:${reportId}:legal-hold`);
/** A request's sealed reason and legal basis (request key). */
export const requestDetailsAd = (requestId: string) => Buffer.from(`request:${requestId}:details`);
/** A request's decision note (request key). */
export const requestNoteAd = (requestId: string) => Buffer.from(`request:${requestId}:decision`);
/** The reporter's notice of an identity disclosure (report key; the reporter reads it on follow-up). */
export const reporterNoticeAd = (reportId: string, requestId: string) =>
  Buffer.from(`report:${reportId}:request:${requestId}:notice`);

/** The copies of an uploaded file: `cleaned` (metadata removed, under the report key) and `original` (as received). */
export type BlobRole = 'cleaned' | 'original';
/**
 * Associated data of every chunk of a format-2 blob (src/crypto/stream.ts): which file of which report, and which
 * copy, so that a blob moved to another row or role fails to decrypt instead of showing one file under another's name.
 */
export const fileBlobAd = (reportId: string, fileId: string, role: BlobRole) =>
  Buffer.from(`report:${reportId}:file:${fileId}:blob:${role}`);

/** The keys of one report: `report` (shared with the reporter) and `case` (staff only), sealed together in a grant. */
export interface CaseKeys {
  reportKey: Buffer;
  caseKey: Buffer;
}
/** Both keys as one 64-byte buffer (report key, then case key), as a grant seals them. */
export const packCaseKeys = (k: CaseKeys): Buffer => Buffer.concat([k.reportKey, k.caseKey]);
export const unpackCaseKeys = (b: Buffer): CaseKeys => ({ reportKey: b.subarray(0, 32), caseKey: b.subarray(32, 64) });

/** A case grant's sealed key: both keys sealed to the holder's X25519 public key (32 bytes). */
export const sealCaseKeys = (publicKey: Buffer, keys: CaseKeys): Buffer => sealTo(publicKey, packCaseKeys(keys));

/**
 * Opens a case grant's sealed key with the holder's key pair.
 * @throws CryptoError when the sealed key is not for this key pair or was altered
 */
export const openCaseKeys = (publicKey: Buffer, secretKey: Buffer, sealed: Buffer): CaseKeys =>
  unpackCaseKeys(openSealed(publicKey, secretKey, sealed));
