/**
 * The steps gated by the two-person rule: opening an original file, exporting a case, referring it, and closing it
 * as knowingly false. Each is refused without an approved request of the actor's (409 approval_required), works
 * with one, and works once.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/domain/accounts/users.ts';
import { MARKERS, makeMetadataPdf } from '../fixtures/make.ts';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { approval, viewerOf } from '../helpers/approvals.ts';
import { actor, errorId, errorMessage, type Actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';
import { decideRequest } from '../../src/domain/requests/decide.ts';
import { createRequest } from '../../src/domain/requests/requests.ts';

describe.each(DIALECTS)('approval gates on %s', (dialect) => {
  let t: TestApp;
  let sup: Actor;
  let handler: Actor;
  let pdf: Buffer;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    // A second supervisor, present at submission (so holding the case and its evidence key), to decide the first's requests.
    await addUser(t.deps, {
      username: 'sup2',
      role: 'supervisor',
      password: PASSWORD,
      displayName: 'Second supervisor',
    });
    sup = await actor(t, 'supervisor');
    handler = await actor(t, 'handler');
    pdf = await makeMetadataPdf();
  });
  afterAll(async () => t?.close());

  /** A report with a PDF (metadata and all) and an identity, granted to the handler. */
  async function caseWithFile(): Promise<{ id: string; reference: string; fileId: string }> {
    const body = await multipart(
      reportParts({
        category: 'espionage',
        answers: { what_happened: 'A man photographs the north gate.', danger: 'no' },
        identity: { name: 'Wang Fang' },
        files: [{ filename: 'gate.pdf', data: pdf, type: 'application/pdf' }],
      }),
    );
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body })).statusCode).toBe(201);
    const { items } = (await sup.get('/api/v1/cases?order=newest&limit=1')).json() as {
      items: { id: string; reference: string }[];
    };
    const { id, reference } = items[0]!;
    expect((await sup.send('POST', `/api/v1/cases/${id}/grants`, { userId: t.users.handler.id })).statusCode).toBe(201);
    const detail = (await sup.get(`/api/v1/cases/${id}`)).json() as { files: { id: string }[] };
    return { id, reference, fileId: detail.files[0]!.id };
  }

  const evidenceGrant = (reportId: string, userId: string) =>
    t.deps.db
      .selectFrom('grants')
      .select('granted_by')
      .where('report_id', '=', reportId)
      .where('user_id', '=', userId)
      .where('scope', '=', 'evidence')
      .executeTakeFirst();
  const originalKeys = (userId: string) =>
    t.deps.db.selectFrom('original_keys').select(['file_id', 'granted_by']).where('user_id', '=', userId).execute();

  it('opens an original only with an approval for that file, once; a handler gets that file’s key re-sealed on approval', async () => {
    const c = await caseWithFile();
    const url = (requestId?: string) =>
      `/api/v1/cases/${c.id}/files/${c.fileId}/original${requestId ? `?requestId=${requestId}` : ''}`;

    const none = await handler.get(url());
    expect(none.statusCode).toBe(409);
    expect(errorId(none)).toBe('approval_required');
    expect(errorMessage(none)).toBe(
      'This needs an approved request (“Open an original file (with its metadata)”) of yours on this case. Ask for one; a second person must approve it.',
    );
    const wrongKind = await approval(t, { requester: 'handler', decider: 'supervisor', caseId: c.id, kind: 'export' });
    expect(errorId(await handler.get(url(wrongKind)))).toBe('approval_required');

    expect(await evidenceGrant(c.id, t.users.handler.id)).toBeUndefined();
    const requestId = await approval(t, {
      requester: 'handler',
      decider: 'supervisor',
      caseId: c.id,
      kind: 'open_original',
      subject: c.fileId,
    });
    expect(await evidenceGrant(c.id, t.users.handler.id)).toBeUndefined();
    expect(await originalKeys(t.users.handler.id)).toEqual([{ file_id: c.fileId, granted_by: t.users.supervisor.id }]);
    const approvals = (await handler.get(`/api/v1/cases/${c.id}/approvals`)).json() as {
      approvals: { id: string; kind: string; subject: string | null }[];
    };
    expect(approvals.approvals.map(({ id, kind, subject }) => ({ id, kind, subject }))).toEqual([
      { id: wrongKind, kind: 'export', subject: null },
      { id: requestId, kind: 'open_original', subject: c.fileId },
    ]);
    // Someone else cannot use the handler's approval.
    expect(errorId(await sup.get(url(requestId)))).toBe('approval_required');

    const res = await handler.get(url(requestId));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="gate.pdf"; filename*=UTF-8''gate.pdf`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(res.rawPayload, pdf)).toBe(0);
    expect(res.rawPayload.includes(MARKERS.author)).toBe(true);

    const again = await handler.get(url(requestId));
    expect(again.statusCode).toBe(409);
    expect(errorId(again)).toBe('approval_required');

    const entries = await t.deps.db
      .selectFrom('audit')
      .select(['action', 'actor', 'reason'])
      .where('subject', '=', `report:${c.id}`)
      .where('action', 'in', ['file.grant_original', 'file.original'])
      .orderBy('seq')
      .execute();
    expect(entries).toEqual([
      {
        action: 'file.grant_original',
        actor: t.users.supervisor.id,
        reason: `user:${t.users.handler.id} file:${c.fileId} request:${requestId}`,
      },
      { action: 'file.original', actor: t.users.handler.id, reason: `file:${c.fileId} request:${requestId}` },
    ]);
    const events = (await handler.get(`/api/v1/cases/${c.id}`)).json() as {
      events: { kind: string; summary: string }[];
    };
    expect(events.events.filter((e) => e.kind === 'original').map((e) => e.summary)).toEqual([
      'Original of “gate.pdf” opened',
    ]);
    expect((await (await actor(t, 'oversight')).get(url(requestId))).statusCode).toBe(404);

    // The file key passed on goes with the case when the handler's access is revoked.
    expect((await sup.send('DELETE', `/api/v1/cases/${c.id}/grants/${t.users.handler.id}`)).statusCode).toBe(200);
    expect(await originalKeys(t.users.handler.id)).toEqual([]);
  });

  it('lets a supervisor who holds the evidence key open an original after a second supervisor approves', async () => {
    const c = await caseWithFile();
    const requestId = await approval(t, {
      requester: 'supervisor',
      decider: 'sup2',
      caseId: c.id,
      kind: 'open_original',
      subject: c.fileId,
    });
    const res = await sup.get(`/api/v1/cases/${c.id}/files/${c.fileId}/original?requestId=${requestId}`);
    expect(res.statusCode).toBe(200);
    expect(Buffer.compare(res.rawPayload, pdf)).toBe(0);
  });

  it('refuses an approval by a decider who holds no evidence key to pass on', async () => {
    const c = await caseWithFile();
    // A supervisor who joined after the report came in holds the case, but not its evidence key.
    await addUser(t.deps, { username: `late-${c.id}`, role: 'supervisor', password: PASSWORD, displayName: 'Late' });
    const late = await t.deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', `late-${c.id}`)
      .executeTakeFirstOrThrow();
    expect((await sup.send('POST', `/api/v1/cases/${c.id}/grants`, { userId: late.id })).statusCode).toBe(201);
    const { id } = await createRequest(t.deps, await viewerOf(t, 'handler'), {
      reportId: c.id,
      kind: 'open_original',
      reason: 'To read the author.',
      legalBasis: 'CEL 2023 Art. 25',
      subject: c.fileId,
    });
    await expect(
      decideRequest(t.deps, await viewerOf(t, `late-${c.id}`), id, { decision: 'approve' }),
    ).rejects.toMatchObject({
      id: 'no_evidence_key',
    });
    const row = await t.deps.db.selectFrom('requests').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(await evidenceGrant(c.id, t.users.handler.id)).toBeUndefined();
    expect((await originalKeys(t.users.handler.id)).filter((k) => k.file_id === c.fileId)).toEqual([]);
  });

  it('exports a case as a JSON bundle only with an approved export request, once', async () => {
    const c = await caseWithFile();
    expect(
      (await handler.send('POST', `/api/v1/cases/${c.id}/messages`, { body: 'Thank you.', visibility: 'reporter' }))
        .statusCode,
    ).toBe(201);
    const none = await handler.get(`/api/v1/cases/${c.id}/export`);
    expect(none.statusCode).toBe(409);
    expect(errorId(none)).toBe('approval_required');

    const requestId = await approval(t, { requester: 'handler', decider: 'supervisor', caseId: c.id, kind: 'export' });
    const res = await handler.get(`/api/v1/cases/${c.id}/export?requestId=${requestId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="case-${c.reference}.json"; filename*=UTF-8''case-${c.reference}.json`,
    );
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const bundle = res.json() as {
      format: string;
      exportedBy: string;
      requestId: string;
      case: { reference: string; status: string };
      answers: { fieldId: string; value: unknown }[];
      messages: { author: string; body: string }[];
      events: { kind: string; summary: string }[];
      files: { id: string; name: string; sha256: string; size: number; author: string }[];
      actions: unknown[];
    };
    expect(bundle.format).toBe('confide-case-export/1');
    expect(bundle.exportedBy).toBe('Test handler');
    expect(bundle.requestId).toBe(requestId);
    expect(bundle.case).toMatchObject({ reference: c.reference, status: 'received' });
    expect(bundle.answers).toContainEqual({
      fieldId: 'what_happened',
      label: 'What happened?',
      value: 'A man photographs the north gate.',
    });
    expect(bundle.messages.map((m) => [m.author, m.body])).toEqual([['staff', 'Thank you.']]);
    expect(bundle.files).toEqual([
      {
        id: c.fileId,
        name: 'gate.pdf',
        type: 'application/pdf',
        author: 'reporter',
        size: pdf.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        cleaning: 'cleaned',
        createdAt: expect.any(String),
      },
    ]);
    expect(bundle.actions).toEqual([]);
    expect(bundle.events.at(-1)).toMatchObject({
      kind: 'export',
      summary: 'Case exported (answers, messages, history, file list with SHA-256, action records)',
    });
    expect(res.body).not.toContain('Wang Fang');

    const again = await handler.get(`/api/v1/cases/${c.id}/export?requestId=${requestId}`);
    expect(again.statusCode).toBe(409);
    expect(errorId(again)).toBe('approval_required');
    const audited = await t.deps.db
      .selectFrom('audit')
      .select(['actor', 'reason'])
      .where('action', '=', 'case.export')
      .where('subject', '=', `report:${c.id}`)
      .execute();
    expect(audited).toEqual([{ actor: t.users.handler.id, reason: `request:${requestId}` }]);
  });

  it('refers a case only with an approved export request, and uses it', async () => {
    const c = await caseWithFile();
    const status = (body: Record<string, unknown>) => handler.send('POST', `/api/v1/cases/${c.id}/status`, body);
    expect((await status({ status: 'assessing' })).statusCode).toBe(200);
    expect((await handler.send('POST', `/api/v1/cases/${c.id}/risk`, { level: 'low' })).statusCode).toBe(200);

    const none = await status({ status: 'referred' });
    expect(none.statusCode).toBe(409);
    expect(errorId(none)).toBe('approval_required');
    expect(errorMessage(none)).toBe(
      'This needs an approved request (“Export or refer the case outside”) of yours on this case. Ask for one; a second person must approve it.',
    );
    const requestId = await approval(t, { requester: 'handler', decider: 'supervisor', caseId: c.id, kind: 'export' });
    const referred = await status({ status: 'referred', requestId, reason: 'Passed to the prosecutor.' });
    expect(referred.statusCode).toBe(200);
    expect(referred.json()).toEqual({ status: 'referred', outcome: null });
    const row = await t.deps.db
      .selectFrom('requests')
      .select('status')
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('used');
    // Used: it exports nothing more.
    expect(errorId(await handler.get(`/api/v1/cases/${c.id}/export?requestId=${requestId}`))).toBe('approval_required');
  });

  it('closes a case as knowingly false only with an approved knowingly_false request, once', async () => {
    const c = await caseWithFile();
    const close = (body: Record<string, unknown>) =>
      handler.send('POST', `/api/v1/cases/${c.id}/status`, { status: 'closed', outcome: 'knowingly_false', ...body });
    const none = await close({});
    expect(none.statusCode).toBe(409);
    expect(errorId(none)).toBe('approval_required');
    const exportApproval = await approval(t, {
      requester: 'handler',
      decider: 'supervisor',
      caseId: c.id,
      kind: 'export',
    });
    expect(errorId(await close({ requestId: exportApproval }))).toBe('approval_required');

    const requestId = await approval(t, {
      requester: 'handler',
      decider: 'supervisor',
      caseId: c.id,
      kind: 'knowingly_false',
    });
    const closed = await close({ requestId });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toEqual({ status: 'closed', outcome: 'knowingly_false' });

    // Reopened and closed again as knowingly false: the used approval does not count twice.
    expect(
      (await handler.send('POST', `/api/v1/cases/${c.id}/status`, { status: 'assessing', reason: 'New facts.' }))
        .statusCode,
    ).toBe(200);
    expect((await handler.send('POST', `/api/v1/cases/${c.id}/risk`, { level: 'low' })).statusCode).toBe(200);
    expect(errorId(await close({ requestId }))).toBe('approval_required');
    // Other outcomes need no approval of this kind (a handler's closing needs its own: test/integration/exclusions.test.ts).
    expect(
      (await sup.send('POST', `/api/v1/cases/${c.id}/status`, { status: 'closed', outcome: 'unsubstantiated' }))
        .statusCode,
    ).toBe(200);
  });
});
