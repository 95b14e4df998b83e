/** Reading transcripts and minutes with the report key: staff holding the case, and the reporter's session. */
import { open } from '../../crypto/sodium.ts';
import { transcriptAd, transcriptCorrectionAd } from '../../crypto/case-keys.ts';
import type { TranscriptKind, TranscriptView } from '../../shared/transcripts.ts';
import { listCorrectionRows, listTranscriptRows } from '../../store/transcripts.ts';
import { inTransaction } from '../../store/transaction.ts';
import type { OpenedSession } from '../accounts/sessions.ts';
import { audit } from '../audit/record.ts';
import { withCaseKeys } from '../cases/access.ts';
import type { Deps } from '../deps.ts';
import type { Viewer } from '../viewer.ts';

/**
 * A report's transcripts (or the one `onlyId`), oldest first, with their corrections, opened with the report key.
 * @param options.staff whether the viewer is staff: the reporter is not told who wrote them down
 */
export async function transcriptViews(
  deps: Pick<Deps, 'db'>,
  reportId: string,
  reportKey: Buffer,
  options: { staff: boolean; onlyId?: string },
): Promise<TranscriptView[]> {
  const rows = await listTranscriptRows(deps.db, reportId, options.onlyId);
  const corrections = await listCorrectionRows(deps.db, reportId);
  return rows.map((r) => {
    const own = corrections
      .filter((c) => c.transcript_id === r.id)
      .map((c) => ({
        id: c.id,
        text: open(reportKey, c.sealed_text, transcriptCorrectionAd(reportId, r.id, c.id)).toString(),
        createdAt: c.created_at,
      }));
    return {
      id: r.id,
      kind: r.kind as TranscriptKind,
      text: open(reportKey, r.sealed_text, transcriptAd(reportId, r.id)).toString(),
      authorName: options.staff ? (r.display_name ?? 'A former staff member') : null,
      createdAt: r.created_at,
      status: r.confirmed_at ? 'confirmed' : own.length > 0 ? 'corrected' : 'awaiting',
      confirmedAt: r.confirmed_at,
      corrections: own,
      recording: r.recording_file_id ? { fileId: r.recording_file_id } : null,
      recordingDeletedAt: r.recording_deleted_at,
    };
  });
}

/**
 * The transcripts of a case the viewer holds, with their status and corrections. Audited as a read when there is one.
 * @throws not_found
 */
export async function listTranscripts(deps: Deps, viewer: Viewer, reportId: string): Promise<TranscriptView[]> {
  return withCaseKeys(deps, viewer, reportId, async (keys) => {
    const views = await transcriptViews(deps, reportId, keys.reportKey, { staff: true });
    // Opening an empty list reads nothing of the reporter's: it is not an access to record.
    if (views.length > 0)
      await inTransaction(deps.db, (trx) =>
        audit(deps, trx, { actor: viewer.userId, action: 'transcript.read', subject: `report:${reportId}` }),
      );
    return views;
  });
}

/** The transcripts of the reporter's own report, opened with their session's report key. */
export function reporterTranscripts(deps: Pick<Deps, 'db'>, session: OpenedSession): Promise<TranscriptView[]> {
  return transcriptViews(deps, session.reportId!, session.key, { staff: false });
}
