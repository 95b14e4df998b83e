/**
 * Writing down an oral report: a transcript or minutes of a call or meeting, sealed under the report key so the
 * reporter can check, correct and confirm it from the follow-up page, with an audio recording kept as a file of the
 * report only when the person agreed to be recorded. Intake writes one at submission (`addTranscript` inside the
 * report's transaction); staff holding the case add minutes of a later meeting (`addMinutes`).
 * @see EU 2019/1937 Art. 18(2) (recorded lines: a recording only with consent, or a transcript), 18(4) (meetings:
 *   a recording with consent, or accurate minutes the reporter may check, rectify and agree to)
 */
import { randomUUID } from 'node:crypto';
import { openJson, seal, sealJson } from '../../crypto/sodium.ts';
import { fileAd, transcriptAd } from '../../crypto/case-keys.ts';
import { TranscriptInput, type TranscriptKind, type TranscriptView } from '../../shared/transcripts.ts';
import { setReportUpdatedAt } from '../../store/actions.ts';
import { insertRecordingFile, insertTranscript } from '../../store/transcripts.ts';
import { inTransaction, type Tx } from '../../store/transaction.ts';
import { audit } from '../audit/record.ts';
import { withCaseUpload } from '../cases/staff-upload.ts';
import { recordEvent } from '../cases/events.ts';
import type { Deps } from '../deps.ts';
import { errors } from '../errors.ts';
import { cleanText } from '../../shared/text.ts';
import type { FileMeta, IncomingFile } from '../uploads/intake.ts';
import type { Viewer } from '../viewer.ts';
import { transcriptViews } from './read.ts';

export const KIND_WORDS: Record<TranscriptKind, string> = { transcript: 'Transcript', minutes: 'Minutes' };

/**
 * Writes a transcript or minutes of a report inside the caller's transaction (the report's own, at intake). The
 * recording, when there is one, must already be a file row of the report, written in the same transaction.
 * @param input.reportKey the report's key (32 bytes): the text is sealed under it, so the reporter can read it
 * @param input.text the text as it was written down (control characters are removed and ends trimmed here, so that
 *   what is sealed is what staff and the reporter read)
 * @param input.at ISO 8601 UTC: when it was written down
 * @returns the transcript's id
 */
export async function addTranscript(
  deps: Pick<Deps, 'dialect' | 'now'>,
  trx: Tx,
  input: {
    reportId: string;
    reportKey: Buffer;
    kind: TranscriptKind;
    text: string;
    recordingFileId: string | null;
    authorUserId: string | null;
    at: string;
  },
): Promise<string> {
  const id = randomUUID();
  await insertTranscript(trx, {
    id,
    report_id: input.reportId,
    kind: input.kind,
    sealed_text: seal(input.reportKey, Buffer.from(cleanText(input.text).trim()), transcriptAd(input.reportId, id)),
    recording_file_id: input.recordingFileId,
    recording_deleted_at: null,
    author_user_id: input.authorUserId,
    created_at: input.at,
    confirmed_at: null,
  });
  await audit(deps, trx, {
    actor: input.authorUserId ?? 'system',
    action: 'transcript.add',
    subject: `report:${input.reportId}`,
    reason: `transcript:${id}${input.recordingFileId ? ` recording file:${input.recordingFileId}` : ''}`,
  });
  return id;
}

export type RecordingFile = IncomingFile & { field: string };

/** @throws invalid/invalid_minutes naming what to give */
function parseInput(raw: unknown) {
  const parsed = TranscriptInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'minutes')));
  throw errors.invalid(
    'invalid_minutes',
    fields.has('text')
      ? 'Write the minutes or transcript of the conversation (at most 100,000 characters).'
      : 'The minutes could not be read: choose whether it is a transcript or minutes, and whether the person agreed to a recording.',
    fields.has('text') ? { text: 'Write what was said.' } : undefined,
  );
}

const isAudio = (type: string) => /^audio\//i.test(type.trim());

/** Why a file part cannot be the recording; null when it can. */
function refuseFile(file: RecordingFile, consent: boolean, haveOne: boolean) {
  if (file.field !== 'recording' || haveOne)
    return errors.invalid('unexpected_file', 'Send one file only, the recording, in the part named “recording”.');
  if (!consent)
    return errors.invalid(
      'recording_without_consent',
      'A recording can be kept only when the person agreed to be recorded. Tick “The person agreed to a recording”, or send the minutes without the recording.',
      { recording: 'Tick the consent box, or remove the recording.' },
    );
  if (!isAudio(file.type))
    return errors.invalid(
      'recording_type',
      `The recording must be an audio file; “${file.name}” was sent as “${file.type || 'unknown'}”.`,
      { recording: 'Choose an audio file.' },
    );
  return null;
}

/**
 * Staff add a transcript or minutes of a later call or meeting to a case they hold, with an optional audio
 * recording (the form's `recording` part) accepted only when the person agreed to it. The recording is stored like
 * any upload (FileIntake): a sealed original, no cleaned copy for audio. A refusal stores nothing, and a recording
 * already written is deleted.
 * @param raw the `minutes` JSON object (TranscriptInput)
 * @throws not_found (no grant) | invalid: invalid_minutes, recording_without_consent, recording_type,
 *   unexpected_file, empty_file | too_large
 */
export async function addMinutes(
  deps: Deps,
  viewer: Viewer,
  reportId: string,
  raw: unknown,
  files: AsyncIterable<RecordingFile> | RecordingFile[],
): Promise<TranscriptView> {
  return withCaseUpload(deps, viewer, reportId, async (keys, intake) => {
    const input = parseInput(raw);
    for await (const file of files) {
      const refusal = refuseFile(file, input.recordingConsent, intake.prepared.length > 0);
      if (refusal) {
        file.stream.resume();
        throw refusal;
      }
      await intake.add(file);
    }
    const recording = intake.prepared[0] ?? null;
    if (recording) {
      const meta = openJson<FileMeta>(keys.reportKey, recording.sealed_meta, fileAd(reportId, recording.id));
      recording.sealed_meta = sealJson(
        keys.reportKey,
        {
          ...meta,
          note: `Recording of a conversation with the reporter, made with their consent (SHA-256 ${meta.sha256}). It is kept as received, sealed as evidence: opening it needs a second person’s approval.`,
        } satisfies FileMeta,
        fileAd(reportId, recording.id),
      );
    }
    const at = deps.now().toISOString();
    const id = await inTransaction(deps.db, async (trx) => {
      if (recording)
        await insertRecordingFile(trx, { ...recording, report_id: reportId, author: 'staff', created_at: at });
      const id = await addTranscript(deps, trx, {
        reportId,
        reportKey: keys.reportKey,
        kind: input.kind,
        text: input.text,
        recordingFileId: recording?.id ?? null,
        authorUserId: viewer.userId,
        at,
      });
      await setReportUpdatedAt(trx, reportId, at);
      await recordEvent(trx, {
        reportId,
        at,
        actor: viewer.userId,
        caseKey: keys.caseKey,
        kind: 'transcript',
        summary: `${KIND_WORDS[input.kind]} added${recording ? ', with a recording made with consent' : ''}; awaiting the reporter’s confirmation`,
      });
      return id;
    });
    const [view] = await transcriptViews(deps, reportId, keys.reportKey, { staff: true, onlyId: id });
    return view!;
  });
}
