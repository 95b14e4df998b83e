/**
 * The reporter's side of a transcript: check it on the follow-up page, send corrections (each sealed under the
 * report key and kept beside the text, which is never overwritten: staff see both) and confirm it — the online
 * form of agreeing by signing. When the category's policy says `recordingAfterConfirmation: 'delete'`, confirming
 * destroys the recording: its file row in the confirmation's transaction, its blobs after the commit (a crash in
 * between leaves blobs no row references, which the retention job's abandoned-blob sweep deletes).
 * @see EU 2019/1937 Art. 18(2)(b), 18(3), 18(4)(b) (check, rectify and agree by signing)
 */
import { randomUUID } from 'node:crypto';
import { seal } from '../../crypto/sodium.ts';
import { transcriptCorrectionAd } from '../../crypto/case-keys.ts';
import { recordingAfterConfirmation } from '../../shared/profile.ts';
import { cleanText } from '../../shared/text.ts';
import { MAX_CORRECTION_TEXT } from '../../shared/transcripts.ts';
import { findReportCategory } from '../../store/reports.ts';
import {
  deleteRecordingFile,
  findReportTranscript,
  insertCorrection,
  lockUnconfirmedTranscript,
  markTranscriptConfirmed,
} from '../../store/transcripts.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import type { OpenedSession } from '../accounts/sessions.ts';
import { audit } from '../audit/record.ts';
import { recordFixedEvent } from '../cases/events.ts';
import { noteReporterActivity } from '../cases/reporter-activity.ts';
import { categoryOf } from '../categories.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { deleteBlobs } from '../retention/destroy.ts';

const NO_TRANSCRIPT = 'There is no such transcript in your report. Go back to your report and choose it there.';

/** The transcript `transcriptId` of the session's report. @throws not_found (another report's, or none) */
async function ownTranscript(trx: Tx, session: OpenedSession, transcriptId: string) {
  const row = await findReportTranscript(trx, session.reportId!, transcriptId);
  if (!row) throw errors.notFound(NO_TRANSCRIPT);
  return row;
}

/**
 * The reporter sends a correction of a transcript not yet confirmed.
 * @param text what is wrong or missing, in their words (at most MAX_CORRECTION_TEXT characters)
 * @throws not_found | invalid/empty_correction, correction_too_long | conflict/transcript_confirmed
 */
export async function correctTranscript(
  deps: Deps,
  session: OpenedSession,
  transcriptId: string,
  text: string,
): Promise<void> {
  const reportId = session.reportId!;
  const correction = cleanText(text).trim();
  if (!correction)
    throw errors.invalid('empty_correction', 'Write what is wrong or missing in the transcript, then send it.');
  if ([...correction].length > MAX_CORRECTION_TEXT)
    throw errors.invalid(
      'correction_too_long',
      `Please shorten your correction to at most ${MAX_CORRECTION_TEXT.toLocaleString('en')} characters. It has not been sent yet.`,
    );
  const at = deps.now().toISOString();
  await inTransaction(deps.db, async (trx) => {
    await ownTranscript(trx, session, transcriptId);
    // Locked, so that a confirmation sent at the same moment comes wholly before or after this correction.
    if (!(await lockUnconfirmedTranscript(trx, transcriptId)))
      throw errors.conflict(
        'transcript_confirmed',
        'You have already confirmed this transcript, so it can no longer be corrected. To add or change something, write to the staff under “Add information”.',
      );
    const id = randomUUID();
    await insertCorrection(trx, {
      id,
      transcript_id: transcriptId,
      sealed_text: seal(session.key, Buffer.from(correction), transcriptCorrectionAd(reportId, transcriptId, id)),
      created_at: at,
    });
    await recordFixedEvent(trx, { reportId, at, kind: 'transcript_corrected' });
    await noteReporterActivity(deps, trx, reportId, at);
    await audit(deps, trx, {
      actor: 'reporter',
      action: 'reporter.transcript_correct',
      subject: `report:${reportId}`,
      reason: `transcript:${transcriptId}`,
    });
  });
}

/**
 * The reporter confirms a transcript (as corrected, if they sent corrections). Confirming twice changes nothing.
 * Deletes the recording when the category's policy says so.
 * @returns whether a recording was deleted, and how many of its blobs could not be deleted now (the abandoned-blob
 *   sweep deletes those; the caller logs them)
 * @throws not_found
 */
export async function confirmTranscript(
  deps: Deps,
  session: OpenedSession,
  transcriptId: string,
): Promise<{ recordingDeleted: boolean; blobsLeft: number }> {
  const reportId = session.reportId!;
  const report = await findReportCategory(deps.db, reportId);
  if (!report) throw errors.notFound('This report no longer exists.');
  const policy = categoryOf(deps, report.category)?.policy;
  // A category that has left the profile keeps what it has: deleting evidence needs a policy that says so.
  const deleteRecording = policy ? recordingAfterConfirmation(policy) === 'delete' : false;
  const at = deps.now().toISOString();
  const blobIds = await inTransaction(deps.db, async (trx) => {
    const row = await ownTranscript(trx, session, transcriptId);
    if (!(await markTranscriptConfirmed(trx, transcriptId, at))) return [];
    await recordFixedEvent(trx, { reportId, at, kind: 'transcript_confirmed' });
    await noteReporterActivity(deps, trx, reportId, at);
    await audit(deps, trx, {
      actor: 'reporter',
      action: 'reporter.transcript_confirm',
      subject: `report:${reportId}`,
      reason: `transcript:${transcriptId}`,
    });
    if (!deleteRecording || !row.recording_file_id) return [];
    const blobs = await deleteRecordingFile(trx, { reportId, transcriptId, fileId: row.recording_file_id, at });
    await recordFixedEvent(trx, { reportId, at, kind: 'recording_deleted' });
    await audit(deps, trx, {
      actor: 'system',
      action: 'transcript.recording_delete',
      subject: `report:${reportId}`,
      reason: `transcript:${transcriptId} file:${row.recording_file_id} policy:recordingAfterConfirmation=delete`,
    });
    return blobs;
  });
  const { failed } = await deleteBlobs(deps, blobIds);
  return { recordingDeleted: blobIds.length > 0, blobsLeft: failed };
}
