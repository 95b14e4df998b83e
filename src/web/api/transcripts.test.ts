import { describe, expect, it } from 'vitest';
import { apiAnswering, json } from './fake-fetch.ts';
import { createTranscriptsApi } from './transcripts.ts';

const view = {
  id: 't1',
  kind: 'minutes',
  text: 'Meeting of 3 December.',
  authorName: 'Test handler',
  createdAt: '2026-12-03T10:00:00.000Z',
  status: 'corrected',
  confirmedAt: null,
  corrections: [{ id: 'c1', text: 'On Thursdays.', createdAt: '2026-12-03T11:00:00.000Z' }],
  recording: { fileId: 'f1' },
  recordingDeletedAt: null,
};

describe('transcript endpoints', () => {
  it('call the documented paths, the minutes as multipart with the CSRF token', async () => {
    const { api, calls } = apiAnswering(createTranscriptsApi, json(200, { transcripts: [view] }), json(201, view));
    expect(await api.listTranscripts('c/1')).toEqual({ transcripts: [view] });
    expect(await api.addMinutes('c1', { kind: 'minutes', text: 'Meeting', recordingConsent: false }, null)).toEqual(
      view,
    );
    expect(calls).toEqual([
      { method: 'GET', url: '/api/v1/cases/c%2F1/transcripts', body: undefined, csrf: undefined },
      { method: 'POST', url: '/api/v1/cases/c1/transcripts', body: undefined, csrf: 'token-1' },
    ]);
  });

  it('passes on a refusal of a recording without consent with its message', async () => {
    const message = 'A recording can be kept only when the person agreed to be recorded.';
    const { api } = apiAnswering(
      createTranscriptsApi,
      json(400, { error: { id: 'recording_without_consent', message } }),
    );
    const file = new File([new Uint8Array([1, 2, 3])], 'meeting.mp3', { type: 'audio/mpeg' });
    await expect(api.addMinutes('c1', { text: 'Meeting', recordingConsent: false }, file)).rejects.toMatchObject({
      status: 400,
      id: 'recording_without_consent',
      message,
    });
  });
});
