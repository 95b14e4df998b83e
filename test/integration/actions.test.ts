/**
 * Procedural action records (CEL 2023 Art. 24, 31): an enforcement action is saved only with two different
 * officers, an approved 'enforcement_action' request of the recorder's (used once), and a recording or the reason
 * there is none. Each refusal names what is missing and stores nothing — a recording already written is deleted.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/domain/accounts/users.ts';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { approval } from '../helpers/approvals.ts';
import { actor, errorId, errorMessage, submitCase, type Actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, type Part } from '../helpers/multipart.ts';

const RECORDING = Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x00'), Buffer.alloc(3000, 0x55)]);

/** Every blob file in the store (not the temporary folder). */
function blobFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'blobs');
  return fs
    .readdirSync(root)
    .filter((d) => d !== 'tmp')
    .flatMap((d) => fs.readdirSync(path.join(root, d)).map((f) => `${d}/${f}`))
    .sort();
}

describe.each(DIALECTS)('enforcement action records on %s', (dialect) => {
  let t: TestApp;
  let sup: Actor;
  let handler: Actor;
  let caseId: string;
  let secondOfficer: string;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    sup = await actor(t, 'supervisor');
    handler = await actor(t, 'handler');
    ({
      user: { id: secondOfficer },
    } = await addUser(t.deps, {
      username: 'officer2',
      role: 'handler',
      password: PASSWORD,
      displayName: 'Second officer',
    }));
    ({ id: caseId } = await submitCase(t));
    expect((await sup.send('POST', `/api/v1/cases/${caseId}/grants`, { userId: t.users.handler.id })).statusCode).toBe(
      201,
    );
  });
  afterAll(async () => t?.close());

  const action = (over: Record<string, unknown> = {}) => ({
    kind: 'search',
    at: '2026-11-02T09:30:00+08:00',
    place: 'Flat 4, 12 Harbour Road',
    officerIds: [t.users.handler.id, secondOfficer],
    credentialsShown: 'Service cards of both officers',
    documentsShown: 'Search warrant No. 17/2026',
    ...over,
  });

  const sessions = new Map<string, { cookie: string; csrf: string }>();
  /** Posts a record as `username`, with the recording part when given. */
  async function record(username: string, body: Record<string, unknown>, recording?: { data: Buffer; type: string }) {
    const parts: Part[] = [{ name: 'action', value: JSON.stringify(body) }];
    if (recording)
      parts.push({ name: 'recording', value: recording.data, filename: 'search.mp3', type: recording.type });
    const form = await multipart(parts);
    if (!sessions.has(username)) sessions.set(username, await t.signIn(username));
    const s = sessions.get(username)!;
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/actions`,
      payload: form.payload,
      headers: { ...form.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  }

  async function stored() {
    const actions = await t.deps.db.selectFrom('actions').select('id').execute();
    const files = await t.deps.db.selectFrom('files').select('id').where('report_id', '=', caseId).execute();
    return { actions: actions.length, files: files.length, blobs: blobFiles(t.dataDir) };
  }

  it('refuses a record without two officers, an approval, or a recording or reason — and stores nothing', async () => {
    const before = await stored();
    const requestId = await approval(t, {
      requester: 'handler',
      decider: 'supervisor',
      caseId,
      kind: 'enforcement_action',
    });
    const mp3 = { data: RECORDING, type: 'audio/mpeg' };

    const one = await record('handler', action({ requestId, officerIds: [t.users.handler.id] }), mp3);
    expect(one.statusCode).toBe(400);
    expect(errorId(one)).toBe('officers_required');
    expect(errorMessage(one)).toBe(
      'Name a second officer: an enforcement action needs at least two different officers (Counter-Espionage Law 2023, Art. 31).',
    );
    const same = await record('handler', action({ requestId, officerIds: [secondOfficer, secondOfficer] }), mp3);
    expect(errorId(same)).toBe('officers_required');
    const admin = await record('handler', action({ requestId, officerIds: [secondOfficer, t.users.administrator.id] }));
    expect(errorId(admin)).toBe('unknown_officer');

    const noApproval = await record('handler', action(), mp3);
    expect(noApproval.statusCode).toBe(409);
    expect(errorId(noApproval)).toBe('approval_required');
    expect(errorMessage(noApproval)).toBe(
      'This needs an approved request (“Record an enforcement action”) of yours on this case. Ask for one; a second person must approve it.',
    );
    // An approval of another kind does not do.
    const other = await approval(t, { requester: 'handler', decider: 'supervisor', caseId, kind: 'export' });
    expect(errorId(await record('handler', action({ requestId: other }), mp3))).toBe('approval_required');

    const nothing = await record('handler', action({ requestId }));
    expect(nothing.statusCode).toBe(400);
    expect(errorId(nothing)).toBe('recording_required');
    expect(errorMessage(nothing)).toBe(
      'Attach the audio or video recording of the action, or record why there is none (Counter-Espionage Law 2023, Art. 31).',
    );
    const blank = await record('handler', action({ requestId, noRecordingReason: '   ' }));
    expect(errorId(blank)).toBe('recording_required');

    const notAudio = await record('handler', action({ requestId }), {
      data: Buffer.from('%PDF-1.4'),
      type: 'application/pdf',
    });
    expect(errorId(notAudio)).toBe('recording_type');

    const missing = await record('handler', { kind: 'search', officerIds: [], requestId });
    expect(missing.statusCode).toBe(400);
    expect(errorId(missing)).toBe('invalid_action');
    expect(errorMessage(missing)).toBe(
      'The record is incomplete: please give the date and time (ISO 8601), the place, the credentials shown, the legal documents shown.',
    );

    // A time more than 5 minutes ahead of the server's clock is refused.
    for (const at of ['2099-01-01T09:30:00+08:00', new Date(Date.now() + 10 * 60_000).toISOString()]) {
      const future = await record('handler', action({ requestId, at }), mp3);
      expect([future.statusCode, errorId(future), errorMessage(future)]).toEqual([
        400,
        'action_in_future',
        'The date and time of the action is in the future. Give when the action took place; an action is recorded after it happened.',
      ]);
    }

    expect(await stored()).toEqual(before);
    // The approval was not used by any refusal: it still records the action.
    expect((await record('handler', action({ requestId }), mp3)).statusCode).toBe(201);
  });

  it('saves a record with its recording and SHA-256, lists it with officer names, and uses the approval once', async () => {
    const requestId = await approval(t, {
      requester: 'handler',
      decider: 'supervisor',
      caseId,
      kind: 'enforcement_action',
    });
    const blobsBefore = blobFiles(t.dataDir).length;
    const res = await record(
      'handler',
      action({ kind: 'seizure', requestId, notes: 'Two laptops sealed in bag 0042.' }),
      { data: RECORDING, type: 'audio/mpeg' },
    );
    expect(res.statusCode).toBe(201);
    const view = res.json() as { id: string; recording: { fileId: string; sha256: string } };
    const sha256 = createHash('sha256').update(RECORDING).digest('hex');
    expect(view).toMatchObject({
      kind: 'seizure',
      at: '2026-11-02T01:30:00.000Z',
      place: 'Flat 4, 12 Harbour Road',
      officers: [
        { id: t.users.handler.id, displayName: 'Test handler' },
        { id: secondOfficer, displayName: 'Second officer' },
      ],
      credentialsShown: 'Service cards of both officers',
      documentsShown: 'Search warrant No. 17/2026',
      requestId,
      recording: { sha256 },
      noRecordingReason: null,
      notes: 'Two laptops sealed in bag 0042.',
      createdBy: 'Test handler',
    });
    expect(blobFiles(t.dataDir).length).toBe(blobsBefore + 1);
    const file = await t.deps.db
      .selectFrom('files')
      .select(['author', 'blob_format', 'cleaned_blob'])
      .where('id', '=', view.recording.fileId)
      .executeTakeFirstOrThrow();
    expect(file).toEqual({ author: 'staff', blob_format: 2, cleaned_blob: null });

    // Works once.
    const again = await record('handler', action({ requestId }), { data: RECORDING, type: 'audio/mpeg' });
    expect(again.statusCode).toBe(409);
    expect(errorId(again)).toBe('approval_required');
    expect(blobFiles(t.dataDir).length).toBe(blobsBefore + 1);

    const list = await handler.get(`/api/v1/cases/${caseId}/actions`);
    expect(list.statusCode).toBe(200);
    const { actions } = list.json() as { actions: { id: string; recording: unknown }[] };
    expect(actions.find((a) => a.id === view.id)).toEqual(view);

    const detail = (await handler.get(`/api/v1/cases/${caseId}`)).json() as {
      files: { id: string; name: string; type: string; cleaning: string; note: string }[];
      events: { kind: string; summary: string }[];
    };
    expect(detail.files.find((f) => f.id === view.recording.fileId)).toMatchObject({
      name: 'search.mp3',
      size: RECORDING.length,
      type: 'audio/mpeg',
      cleaning: 'failed',
      note: `Recording of an enforcement action (SHA-256 ${sha256}). It is kept as received, sealed as evidence: opening it needs a second person’s approval.`,
    });
    expect(detail.events.filter((e) => e.kind === 'action').map((e) => e.summary)).toContain(
      'Enforcement action recorded: seizure, with its recording',
    );
    const entries = await t.deps.db
      .selectFrom('audit')
      .select(['actor', 'subject', 'reason'])
      .where('action', '=', 'action.record')
      .execute();
    expect(entries).toContainEqual({
      actor: t.users.handler.id,
      subject: `report:${caseId}`,
      reason: `action:${view.id} seizure request:${requestId}`,
    });
  });

  it('saves a record without a recording when the reason is given', async () => {
    const requestId = await approval(t, {
      requester: 'handler',
      decider: 'supervisor',
      caseId,
      kind: 'enforcement_action',
    });
    const res = await record(
      'handler',
      action({
        kind: 'questioning',
        requestId,
        noRecordingReason: 'The recorder failed; a written transcript was signed.',
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'questioning',
      recording: null,
      noRecordingReason: 'The recorder failed; a written transcript was signed.',
    });
  });

  it('lists the officers to choose from and answers 404 to staff who do not hold the case', async () => {
    const officers = (await handler.get(`/api/v1/cases/${caseId}/actions/officers`)).json() as {
      officers: { id: string; displayName: string }[];
    };
    expect(officers.officers.map((o) => o.displayName)).toEqual([
      'Second officer',
      'Test handler',
      'Test oversight',
      'Test supervisor',
    ]);
    const oversight = await actor(t, 'oversight');
    expect((await oversight.get(`/api/v1/cases/${caseId}/actions`)).statusCode).toBe(404);
    const res = await record('oversight', action());
    expect(res.statusCode).toBe(404);
    const custodian = await actor(t, 'custodian');
    expect((await custodian.get(`/api/v1/cases/${caseId}/actions`)).statusCode).toBe(404);
  });
});
