/**
 * Opening an original file — as received, with its metadata — under the two-person rule. Each original has its own file
 * key sealed to the report's evidence public key; the evidence private key is held in `evidence` grants (supervisors
 * receive one at submission). A download needs the viewer's approved 'open_original' request for that file, used once.
 * When the requester holds no evidence grant, approving the request has the decider's session open that one file's key
 * and seal it to the requester (`original_keys`): no code path can without that session, and the requester never
 * receives the evidence private key, which would open every original of the report, later ones included.
 * @see CEL 2023 Art. 25–31 (prior approval); DESIGN.md "two-person rule"
 */
import type { Readable } from 'node:stream';
import { fileAd } from '../../crypto/case-keys.ts';
import { openJson, openSealed, sealTo, wipe } from '../../crypto/sodium.ts';
import { findCaseFile, getOriginalKeyOfFile } from '../../store/case-files.ts';
import { getUserPublicKey } from '../../store/category-staff.ts';
import { findOriginalKey, heldGrant, insertOriginalKey } from '../../store/grants.ts';
import { getReportEvidencePublicKey } from '../../store/reports.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { fileSizes, openFileBlob } from '../uploads/blobs.ts';
import type { OriginalMeta } from '../uploads/intake.ts';
import { useApproval, type ApprovalEffect } from '../approvals/use.ts';
import { withCaseKeys } from './access.ts';
import type { Viewer } from '../viewer.ts';
import { recordEvent } from './events.ts';

const noEvidenceKey = () =>
  errors.conflict(
    'no_evidence_key',
    'You do not hold this case’s evidence key, so you cannot open its originals or pass one on. A supervisor who received the report holds it: ask one to decide.',
  );

const noFileKey = () =>
  errors.conflict(
    'no_original_key',
    'You hold no key to this original. Ask again (“Open an original file (with its metadata)”): a supervisor who received the report approves it and passes its key on to you.',
  );

/** The original's file key, opened with the evidence key of a `viewer` who holds an evidence grant; null without one. */
async function fileKeyByEvidence(
  db: Tx,
  viewer: Pick<Viewer, 'userId' | 'publicKey' | 'secretKey'>,
  reportId: string,
  sealedOriginalKey: Buffer,
): Promise<Buffer | null> {
  const grant = await heldGrant(db, reportId, viewer.userId, 'evidence');
  if (!grant) return null;
  const report = await getReportEvidencePublicKey(db, reportId);
  const evidenceKey = openSealed(viewer.publicKey, viewer.secretKey, grant.sealed_key);
  try {
    return openSealed(report.evidence_public_key, evidenceKey, sealedOriginalKey);
  } finally {
    wipe(evidenceKey);
  }
}

/** The original's file key for the viewer: through their evidence grant, or the key passed on to them for this file. */
async function viewerFileKey(
  trx: Tx,
  viewer: Viewer,
  reportId: string,
  file: { id: string; sealed_original_key: Buffer },
): Promise<Buffer> {
  const byEvidence = await fileKeyByEvidence(trx, viewer, reportId, file.sealed_original_key);
  if (byEvidence) return byEvidence;
  const passed = await findOriginalKey(trx, file.id, viewer.userId);
  if (!passed) throw noFileKey();
  return openSealed(viewer.publicKey, viewer.secretKey, passed.sealed_key);
}

/**
 * On approval of an 'open_original' request: when the requester has no evidence grant, the decider's session opens
 * its own, opens the file key of the one original the request names and seals that key to the requester. The
 * approval stays to be used for the download.
 * @throws conflict/no_evidence_key when the decider holds no evidence grant either
 */
export const shareOriginalKey: ApprovalEffect = async (deps, trx, decider, request) => {
  if (await heldGrant(trx, request.report_id, request.requester_id, 'evidence')) return;
  const file = await getOriginalKeyOfFile(trx, request.report_id, request.subject ?? '');
  const fileKey = await fileKeyByEvidence(trx, decider, request.report_id, file.sealed_original_key);
  if (!fileKey) throw noEvidenceKey();
  const requesterKey = await getUserPublicKey(trx, request.requester_id);
  try {
    await insertOriginalKey(trx, {
      fileId: file.id,
      userId: request.requester_id,
      reportId: request.report_id,
      sealedKey: sealTo(requesterKey, fileKey),
      grantedBy: decider.userId,
      createdAt: deps.now().toISOString(),
    });
  } finally {
    wipe(fileKey);
  }
  await audit(deps, trx, {
    actor: decider.userId,
    action: 'file.grant_original',
    subject: `report:${request.report_id}`,
    reason: `user:${request.requester_id} file:${file.id} request:${request.id}`,
  });
};

/**
 * The original of a file, decrypted as a stream, after using the viewer's approval for it. Audited
 * ('file.original') with a case event. The blob is checked before the approval is used: a missing or altered
 * original leaves the approval unused.
 * @returns `size` in bytes, null when not known (a file stored before sizes were sealed whose blob is missing)
 * @throws not_found (no grant, no such file) | conflict/approval_required | conflict/no_original_key
 *   | damaged/file_missing | damaged/file_damaged
 */
export async function openOriginal(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  fileId: string,
  requestId: string | undefined,
): Promise<{ name: string; type: string; size: number | null; stream: Readable }> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const f = await findCaseFile(deps.db, reportId, fileId);
    if (!f) throw errors.notFound('There is no such file in this case.');
    const at = deps.now().toISOString();
    let stream: Readable | null = null;
    const opened = await inTransaction(deps.db, async (trx) => {
      await useApproval(deps, trx, { requestId, reportId, kind: 'open_original', viewer, subject: fileId });
      const fileKey = await viewerFileKey(trx, viewer, reportId, f);
      try {
        const meta = openJson<OriginalMeta>(fileKey, f.sealed_original_meta, fileAd(reportId, f.id));
        // Before the approval is spent: a missing or altered original rolls the transaction back.
        stream = await openFileBlob(deps, {
          reportId,
          fileId: f.id,
          role: 'original',
          blob: f.original_blob,
          blobFormat: f.blob_format,
          key: fileKey,
        });
        await recordEvent(trx, {
          reportId,
          at,
          actor: viewer.userId,
          caseKey: keys.caseKey,
          kind: 'original',
          summary: `Original of “${meta.name}” opened`,
        });
        await audit(deps, trx, {
          actor: viewer.userId,
          action: 'file.original',
          subject: `report:${reportId}`,
          reason: `file:${f.id} request:${requestId}`,
        });
        return { meta, stream };
      } finally {
        // The decrypting stream keeps its own copy of the key.
        wipe(fileKey);
      }
    }).catch((error: unknown) => {
      stream?.destroy();
      throw error;
    });
    const { original } = await fileSizes(deps, f, { originalSize: opened.meta.size });
    return { name: opened.meta.name, type: opened.meta.type, size: original, stream: opened.stream };
  });
}
