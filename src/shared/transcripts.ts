/**
 * Transcripts and minutes of oral reports, as the API sends and takes them: a call or meeting documented in text,
 * an optional audio recording (only when the person agreed), the reporter's corrections and confirmation. Shared
 * by the server and the staff workspace; nothing Node-only.
 * @see EU 2019/1937 Art. 18(2)–(4) (recorded or unrecorded lines and meetings: the reporter may check, rectify and
 *   agree to the transcript or minutes by signing them)
 */
import { z } from 'zod';
import { userText } from './text.ts';

export const TRANSCRIPT_KINDS = ['transcript', 'minutes'] as const;
export const TranscriptKind = z.enum(TRANSCRIPT_KINDS);
export type TranscriptKind = z.infer<typeof TranscriptKind>;

/** Characters (code points) of a transcript's or minutes' text. */
export const MAX_TRANSCRIPT_TEXT = 100_000;
/** Characters (code points) of one correction by the reporter. */
export const MAX_CORRECTION_TEXT = 20_000;

/**
 * The `minutes` part of POST /cases/{id}/transcripts (a JSON object; the optional `recording` file part follows
 * it, accepted only with `recordingConsent: true`).
 */
export const TranscriptInput = z.object({
  kind: TranscriptKind.default('minutes'),
  text: userText().trim().min(1).max(MAX_TRANSCRIPT_TEXT),
  /** The person agreed to the conversation being recorded; a recording is refused without it. */
  recordingConsent: z.boolean().default(false),
});
export type TranscriptInput = z.input<typeof TranscriptInput>;

/** awaiting: the reporter has neither corrected nor confirmed; corrected: corrected, not yet confirmed. */
export const TranscriptStatus = z.enum(['awaiting', 'corrected', 'confirmed']);
export type TranscriptStatus = z.infer<typeof TranscriptStatus>;

export const TranscriptView = z.object({
  id: z.string(),
  kind: TranscriptKind,
  text: z.string(),
  /** Who wrote it down; null when the account is gone (and always for the reporter). */
  authorName: z.string().nullable(),
  createdAt: z.string(),
  status: TranscriptStatus,
  confirmedAt: z.string().nullable(),
  /** The reporter's corrections, oldest first; the text above is never changed by them. */
  corrections: z.array(z.object({ id: z.string(), text: z.string(), createdAt: z.string() })),
  /** The recording, a file of the case (sealed original, opened under the two-person rule); null without one. */
  recording: z.object({ fileId: z.string() }).nullable(),
  /** When the recording was deleted by the category's policy after the reporter confirmed; null otherwise. */
  recordingDeletedAt: z.string().nullable(),
});
export type TranscriptView = z.infer<typeof TranscriptView>;

export const TranscriptList = z.object({ transcripts: z.array(TranscriptView) });
