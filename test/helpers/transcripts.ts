/** Transcripts in integration tests: staff add minutes (with a recording), the reporter posts the follow-up forms. */
import fs from 'node:fs';
import path from 'node:path';
import type { TestApp } from './app.ts';
import { multipart, type Part } from './multipart.ts';
import { form, withCookie } from './public-pages.ts';

/** A few kilobytes that start like an MP3 file (an ID3 tag). */
export const AUDIO = Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x00'), Buffer.alloc(3000, 0x55)]);

/** Every blob file in the store (not the temporary folder), as `folder/name`. */
export function blobFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'blobs');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((d) => d !== 'tmp')
    .flatMap((d) => fs.readdirSync(path.join(root, d)).map((f) => `${d}/${f}`))
    .sort();
}

/** Posts minutes to POST /cases/{id}/transcripts as `session`, with the recording part when given. */
export async function postMinutes(
  t: TestApp,
  session: { cookie: string; csrf: string },
  caseId: string,
  minutes: Record<string, unknown>,
  recording?: { data: Buffer; type: string },
) {
  const parts: Part[] = [{ name: 'minutes', value: JSON.stringify(minutes) }];
  if (recording)
    parts.push({ name: 'recording', value: recording.data, filename: 'meeting.mp3', type: recording.type });
  const body = await multipart(parts);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/transcripts`,
    payload: body.payload,
    headers: { ...body.headers, cookie: session.cookie, 'x-csrf-token': session.csrf },
  });
}

/** Posts one of the follow-up page's transcript forms (`correct` with the correction, or `confirm`). */
export function postTranscriptForm(
  t: TestApp,
  reporter: { cookie: string; csrf: string },
  transcriptId: string,
  step: 'correct' | 'confirm',
  correction = '',
) {
  const values: Record<string, string> =
    step === 'correct' ? { _csrf: reporter.csrf, correction } : { _csrf: reporter.csrf };
  return t.app.inject({
    method: 'POST',
    url: `/follow-up/transcripts/${transcriptId}/${step}`,
    ...withCookie(form(values), reporter.cookie),
  });
}
