/**
 * Handing out a file's cleaned copy, for staff holding the case and for the reporter (a reply's files): the sealed
 * name and type opened with the report key, the exact size, a decrypting stream, and the download's audit entry —
 * whose subject is the report, so the reporter's record of accesses and a filter by report find it.
 */
import type { Readable } from 'node:stream';
import { fileAd } from '../../crypto/case-keys.ts';
import { openJson } from '../../crypto/sodium.ts';
import { inTransaction } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import type { Deps } from '../deps.ts';
import { fileSizes, openFileBlob } from './blobs.ts';
import type { FileMeta } from './intake.ts';

/**
 * @param file a file row with a cleaned copy
 * @param by who downloads (a staff user id, or 'reporter') and the audit action that records it
 * @returns the name and type staff see, the cleaned copy's size in bytes (null when unknown) and its stream; the
 *   stream is destroyed when the audit entry cannot be written
 */
export async function openCleanedCopy(
  deps: Deps,
  reportId: string,
  reportKey: Buffer,
  file: { id: string; sealed_meta: Buffer; original_blob: string; cleaned_blob: string; blob_format: number },
  by: { actor: string; action: string },
): Promise<{ name: string; type: string; size: number | null; stream: Readable }> {
  const meta = openJson<FileMeta>(reportKey, file.sealed_meta, fileAd(reportId, file.id));
  const { cleaned } = await fileSizes(deps, file, meta);
  const stream = await openFileBlob(deps, {
    reportId,
    fileId: file.id,
    role: 'cleaned',
    blob: file.cleaned_blob,
    blobFormat: file.blob_format,
    key: reportKey,
  });
  await inTransaction(deps.db, (trx) =>
    audit(deps, trx, { ...by, subject: `report:${reportId}`, reason: `file:${file.id}` }),
  ).catch((error: unknown) => {
    stream.destroy();
    throw error;
  });
  return { name: meta.name, type: meta.type, size: cleaned, stream };
}
