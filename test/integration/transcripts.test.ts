/**
 * Oral reports (EU 2019/1937 Art. 18): staff write down a later meeting as minutes, with a recording only when the
 * person agreed; the reporter checks them on the follow-up page, corrects them (kept beside the text) and confirms;
 * staff see the state and the correction; the recording is destroyed on confirmation when the category's policy
 * says so, and kept when it says keep. Nobody without the case, and no other report's reporter, reaches them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReceipt } from '../../src/domain/reporter/follow-up.ts';
import { addTranscript } from '../../src/domain/transcripts/add.ts';
import type { TranscriptView } from '../../src/shared/transcripts.ts';
import { inTransaction } from '../../src/store/transaction.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actor, errorId, submitCase, type Actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { reporterPages } from '../helpers/public-pages.ts';
import { AUDIO, blobFiles, postMinutes, postTranscriptForm } from '../helpers/transcripts.ts';

const MINUTES = 'Meeting of 3 December at the regional office. The reporter said the van came on Tuesdays.';
const CORRECTION = 'It came on Thursdays, not Tuesdays.';

describe.each(DIALECTS)('transcripts of oral reports on %s', (dialect) => {
  let t: TestApp;
  let sup: Actor;
  let handlerSession: { cookie: string; csrf: string };
  let caseId: string;
  let receipt: string;
  const pages = reporterPages(() => t);

  /** Makes the espionage category's policy say what becomes of a recording once its transcript is confirmed. */
  function setRecordingPolicy(value: 'keep' | 'delete') {
    const profile = t.deps.profile();
    t.deps.setProfile({
      ...profile,
      categories: profile.categories.map((c) =>
        c.id === 'espionage' ? { ...c, policy: { ...c.policy, recordingAfterConfirmation: value } } : c,
      ),
    });
  }

  const list = async () =>
    ((await sup.get(`/api/v1/cases/${caseId}/transcripts`)).json() as { transcripts: TranscriptView[] }).transcripts;

  /** The audit actions written on the case, oldest first. */
  const auditActions = async () =>
    (
      await t.deps.db
        .selectFrom('audit')
        .select('action')
        .where('subject', '=', `report:${caseId}`)
        .orderBy('seq')
        .execute()
    ).map((r) => r.action);

  /** The follow-up page after a post's redirect. */
  const follow = (location: string, cookie: string) =>
    t.app.inject({ method: 'GET', url: location, headers: { cookie } });

  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    sup = await actor(t, 'supervisor');
    ({ id: caseId, receipt } = await submitCase(t));
    expect((await sup.send('POST', `/api/v1/cases/${caseId}/grants`, { userId: t.users.handler.id })).statusCode).toBe(
      201,
    );
    handlerSession = await t.signIn('handler');
  });
  afterAll(async () => t?.close());

  it('refuses a recording without consent and keeps nothing of it', async () => {
    const before = blobFiles(t.dataDir);
    const res = await postMinutes(
      t,
      handlerSession,
      caseId,
      { kind: 'minutes', text: MINUTES },
      {
        data: AUDIO,
        type: 'audio/mpeg',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(errorId(res)).toBe('recording_without_consent');
    expect(blobFiles(t.dataDir)).toEqual(before);
    expect(await list()).toEqual([]);
    // An empty list is not an access to the reporter's words: nothing to put in their record of accesses.
    expect(await auditActions()).not.toContain('transcript.read');
  });

  it('answers 404 to a handler without a grant on the case', async () => {
    // The handler holds a grant on `caseId` only.
    const other = await submitCase(t);
    const noGrant = await postMinutes(t, handlerSession, other.id, { kind: 'minutes', text: MINUTES });
    expect(noGrant.statusCode).toBe(404);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${other.id}/transcripts`,
      headers: { cookie: handlerSession.cookie },
    });
    expect(read.statusCode).toBe(404);
  });

  it('has staff add minutes with a recording, which the reporter checks, corrects and confirms', async () => {
    setRecordingPolicy('delete');
    const before = blobFiles(t.dataDir);
    const added = await postMinutes(
      t,
      handlerSession,
      caseId,
      { kind: 'minutes', text: MINUTES, recordingConsent: true },
      { data: AUDIO, type: 'audio/mpeg' },
    );
    expect(added.statusCode).toBe(201);
    const view = added.json() as TranscriptView;
    expect(view).toMatchObject({
      kind: 'minutes',
      text: MINUTES,
      authorName: 'Test handler',
      status: 'awaiting',
      confirmedAt: null,
      corrections: [],
      recordingDeletedAt: null,
    });
    expect(view.recording).not.toBeNull();
    // Audio is kept as a sealed original only: one new blob.
    const recordingBlobs = blobFiles(t.dataDir).filter((f) => !before.includes(f));
    expect(recordingBlobs).toHaveLength(1);

    // The reporter sees it awaiting them.
    const reporter = await pages.signIn(receipt);
    let page = await follow('/follow-up/report', reporter.cookie);
    expect(page.body).toContain('Records of your conversations with us');
    expect(page.body).toContain(MINUTES);
    expect(page.body).toContain('Waiting for you to check it.');
    expect(page.body).toContain('recorded with your agreement');

    // An empty correction is refused at the field.
    const empty = await postTranscriptForm(t, reporter, view.id, 'correct', '  ');
    expect(empty.statusCode).toBe(303);
    page = await follow(empty.headers.location!, reporter.cookie);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Write what is wrong or missing in the transcript');

    // The correction is kept beside the text; staff see both, and each holder of the case is told (no content).
    await t.deps.db.deleteFrom('notifications').execute();
    const corrected = await postTranscriptForm(t, reporter, view.id, 'correct', CORRECTION);
    expect(corrected.statusCode).toBe(303);
    page = await follow(corrected.headers.location!, reporter.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your correction has been sent.');
    expect(page.body).toContain(CORRECTION);
    expect(
      await t.deps.db.selectFrom('notifications').select(['user_id', 'kind']).orderBy('user_id').execute(),
    ).toEqual(
      [t.users.supervisor.id, t.users.handler.id].sort().map((user_id) => ({ user_id, kind: 'reporter_activity' })),
    );
    let [staffView] = await list();
    expect(staffView).toMatchObject({ id: view.id, text: MINUTES, status: 'corrected', confirmedAt: null });
    expect(staffView!.corrections.map((c) => c.text)).toEqual([CORRECTION]);
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['transcript.add', 'transcript.read', 'reporter.transcript_correct']),
    );

    // Confirmed: the policy says delete, so the recording's row and blob are gone.
    const confirmed = await postTranscriptForm(t, reporter, view.id, 'confirm');
    expect(confirmed.statusCode).toBe(303);
    page = await follow(confirmed.headers.location!, reporter.cookie);
    expect(page.body).toContain('you confirmed the record. As the rules for this kind of report say, its recording');
    expect(page.body).toContain('You confirmed this record on');
    expect(page.body).not.toContain('Confirm this record</button>');
    [staffView] = await list();
    expect(staffView).toMatchObject({ status: 'confirmed', text: MINUTES, recording: null });
    expect(staffView!.confirmedAt).not.toBeNull();
    expect(staffView!.recordingDeletedAt).toBe(staffView!.confirmedAt);
    expect(staffView!.corrections.map((c) => c.text)).toEqual([CORRECTION]);
    for (const blob of recordingBlobs) expect(blobFiles(t.dataDir)).not.toContain(blob);
    expect((await auditActions()).slice(-3)).toEqual([
      'reporter.transcript_confirm',
      'transcript.recording_delete',
      'transcript.read',
    ]);
    const detail = (await sup.get(`/api/v1/cases/${caseId}`)).json() as {
      files: { id: string }[];
      events: { summary: string }[];
    };
    expect(detail.files.map((f) => f.id)).not.toContain(view.recording!.fileId);
    expect(detail.events.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'The reporter sent a correction of a transcript or minutes',
        'The reporter confirmed a transcript or minutes',
        'Recording deleted after the transcript was confirmed',
      ]),
    );

    // A confirmed record takes no more corrections.
    const late = await postTranscriptForm(t, reporter, view.id, 'correct', 'One more thing');
    page = await follow(late.headers.location!, reporter.cookie);
    expect(page.statusCode).toBe(409);
    expect((await list())[0]!.corrections).toHaveLength(1);
  });

  it('keeps the recording when the policy says keep', async () => {
    setRecordingPolicy('keep');
    const before = blobFiles(t.dataDir);
    const added = await postMinutes(
      t,
      handlerSession,
      caseId,
      { kind: 'transcript', text: 'Call of 4 December.', recordingConsent: true },
      { data: AUDIO, type: 'audio/ogg' },
    );
    expect(added.statusCode).toBe(201);
    const view = added.json() as TranscriptView;
    const recordingBlobs = blobFiles(t.dataDir).filter((f) => !before.includes(f));
    const reporter = await pages.signIn(receipt);
    const confirmed = await postTranscriptForm(t, reporter, view.id, 'confirm');
    const page = await follow(confirmed.headers.location!, reporter.cookie);
    expect(page.body).toContain('Thank you: you confirmed the record.');
    expect(page.body).not.toContain('its recording has now been deleted');
    const staffView = (await list()).find((x) => x.id === view.id)!;
    expect(staffView).toMatchObject({ status: 'confirmed', recording: view.recording, recordingDeletedAt: null });
    expect(blobFiles(t.dataDir)).toEqual(expect.arrayContaining(recordingBlobs));
  });

  it('does not let the reporter of another report confirm or correct this one’s transcript', async () => {
    const added = await postMinutes(t, handlerSession, caseId, { kind: 'minutes', text: MINUTES });
    const id = (added.json() as TranscriptView).id;
    const other = await submitCase(t);
    const stranger = await pages.signIn(other.receipt);
    for (const step of ['confirm', 'correct'] as const) {
      const res = await postTranscriptForm(t, stranger, id, step, 'Not mine');
      expect(res.statusCode).toBe(303);
      const page = await follow(res.headers.location!, stranger.cookie);
      expect(page.statusCode).toBe(404);
    }
    const staffView = (await list()).find((x) => x.id === id)!;
    expect(staffView).toMatchObject({ status: 'awaiting', confirmedAt: null, corrections: [] });
  });

  it('takes a transcript written inside a report’s transaction (intake), which the reporter reads', async () => {
    const fresh = await submitCase(t);
    const { reportId, reportKey } = await verifyReceipt(t.deps, fresh.receipt);
    const at = '2026-12-01T10:00:00.000Z';
    const id = await inTransaction(t.deps.db, (trx) =>
      addTranscript(t.deps, trx, {
        reportId,
        reportKey,
        kind: 'transcript',
        text: '  Caller: the van came on Tuesdays.\u0007  ',
        recordingFileId: null,
        authorUserId: t.users.operator.id,
        at,
      }),
    );
    const reporter = await pages.signIn(fresh.receipt);
    const page = await follow('/follow-up/report', reporter.cookie);
    expect(page.body).toContain('Transcript of a call');
    expect(page.body).toContain('Caller: the van came on Tuesdays.</p>');
    const staff = (await sup.get(`/api/v1/cases/${reportId}/transcripts`)).json() as { transcripts: TranscriptView[] };
    expect(staff.transcripts).toEqual([
      {
        id,
        kind: 'transcript',
        text: 'Caller: the van came on Tuesdays.',
        authorName: 'Test operator',
        createdAt: at,
        status: 'awaiting',
        confirmedAt: null,
        corrections: [],
        recording: null,
        recordingDeletedAt: null,
      },
    ]);
  });
});
