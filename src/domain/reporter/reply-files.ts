/**
 * Files staff sent with replies, as the reporter gets them: only the cleaned copy (under the report key, which the
 * reporter's session holds), and only of the reporter's own report. The original, sealed to the evidence key, is
 * never offered.
 */
import type { Readable } from 'node:stream';
import { openJson } from '../../crypto/sodium.ts';
import { fileAd } from '../../crypto/case-keys.ts';
import { findReplyFile, listReplyFiles } from '../../store/reporter.ts';
import { fileSizes } from '../uploads/blobs.ts';
import { openCleanedCopy } from '../uploads/cleaned-copy.ts';
import type { FileMeta } from '../uploads/intake.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import type { OpenedSession } from '../accounts/sessions.ts';

/** A file under a reply: `size` in bytes of the cleaned copy (null when not known). */
export interface ReplyFileView {
  id: string;
  name: string;
  size: number | null;
}

/** The reply files of the session's report, by the id of the reply they were sent with. */
export async function replyFilesByMessage(
  deps: Pick<Deps, 'db' | 'blobs'>,
  session: OpenedSession,
): Promise<Map<string, ReplyFileView[]>> {
  const reportId = session.reportId!;
  const byMessage = new Map<string, ReplyFileView[]>();
  for (const f of await listReplyFiles(deps.db, reportId)) {
    const meta = openJson<FileMeta>(session.key, f.sealed_meta, fileAd(reportId, f.id));
    const list = byMessage.get(f.message_id!) ?? [];
    list.push({ id: f.id, name: meta.name, size: (await fileSizes(deps, f, meta)).cleaned });
    byMessage.set(f.message_id!, list);
  }
  return byMessage;
}

/**
 * Opens the cleaned copy of a reply file of the session's report for download.
 * @throws not_found when the file is not a reply file of this report (another report's file, a reporter's file, an
 *   internal one or an original: the same answer for each)
 */
export async function openReplyFile(
  deps: Deps,
  session: OpenedSession,
  fileId: string,
): Promise<{ name: string; size: number | null; stream: Readable }> {
  const reportId = session.reportId!;
  const f = await findReplyFile(deps.db, reportId, fileId);
  if (!f?.cleaned_blob) throw errors.notFound('There is no such file with the replies to your report.');
  const { name, size, stream } = await openCleanedCopy(
    deps,
    reportId,
    session.key,
    { ...f, cleaned_blob: f.cleaned_blob },
    { actor: 'reporter', action: 'reporter.file_download' },
  );
  return { name, size, stream };
}
