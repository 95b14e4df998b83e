/**
 * The SHA-256 of an original upload is evidence, and a fingerprint: in clear it would let anyone with a copy of the
 * database confirm that a given document was submitted. It is kept only sealed — in the file's metadata (report
 * key) and in an enforcement action's details (case key) — and the readers (export bundle, action records) still
 * give it. A scan of every byte at rest (SQLite files and WAL, or pg_dump; the file store) finds it in no form.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { approval } from '../helpers/approvals.ts';
import { actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { storedBytes, submitMarkedReport } from '../helpers/marker-scan.ts';
import { multipart } from '../helpers/multipart.ts';

/** Hex, upper-case hex, raw and base64 forms of a SHA-256. */
function hashNeedles(data: Buffer): { hex: string; needles: Buffer[] } {
  const raw = createHash('sha256').update(data).digest();
  const hex = raw.toString('hex');
  return {
    hex,
    needles: [Buffer.from(hex), Buffer.from(hex.toUpperCase()), raw, Buffer.from(raw.toString('base64').slice(0, 24))],
  };
}

describe.each(DIALECTS)('SHA-256 of uploads at rest on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(async () => t?.close());

  it('is readable through the export and the action record, and found nowhere at rest', async () => {
    const marker = `SHA${randomBytes(8).toString('hex')}`;
    const text = Buffer.from(`file body ${marker}\n`);
    const binary = Buffer.concat([randomBytes(200), Buffer.from(marker), randomBytes(200)]);
    const recording = Buffer.concat([Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x00'), randomBytes(3000)]);
    await submitMarkedReport(t, marker, binary);

    const sup = await actor(t, 'supervisor');
    const handler = await actor(t, 'handler');
    const { items } = (await sup.get('/api/v1/cases')).json() as { items: { id: string }[] };
    const caseId = items[0]!.id;
    expect((await sup.send('POST', `/api/v1/cases/${caseId}/grants`, { userId: t.users.handler.id })).statusCode).toBe(
      201,
    );

    const requestId = await approval(t, {
      requester: 'handler',
      decider: 'supervisor',
      caseId,
      kind: 'enforcement_action',
    });
    const form = await multipart([
      {
        name: 'action',
        value: JSON.stringify({
          kind: 'search',
          at: '2026-01-02T09:30:00+08:00',
          place: 'Flat 4',
          officerIds: [t.users.handler.id, t.users.supervisor.id],
          credentialsShown: 'Service cards',
          documentsShown: 'Warrant 17/2026',
          requestId,
        }),
      },
      { name: 'recording', value: recording, filename: 'search.mp3', type: 'audio/mpeg' },
    ]);
    const s = await t.signIn('handler');
    const recorded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/actions`,
      payload: form.payload,
      headers: { ...form.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(recorded.statusCode).toBe(201);
    const rec = hashNeedles(recording);
    expect((recorded.json() as { recording: { sha256: string } }).recording.sha256).toBe(rec.hex);

    const exportId = await approval(t, { requester: 'handler', decider: 'supervisor', caseId, kind: 'export' });
    const exported = await handler.get(`/api/v1/cases/${caseId}/export?requestId=${exportId}`);
    expect(exported.statusCode).toBe(200);
    const bundle = exported.json() as {
      files: { name: string; sha256: string | null }[];
      actions: { recording: { sha256: string } | null }[];
    };
    const txt = hashNeedles(text);
    const bin = hashNeedles(binary);
    expect(bundle.files.map((f) => [f.name, f.sha256])).toEqual([
      [`${marker}.txt`, txt.hex],
      [`${marker}.bin`, bin.hex],
      ['search.mp3', rec.hex],
    ]);
    expect(bundle.actions.map((a) => a.recording?.sha256)).toEqual([rec.hex]);

    const stored = storedBytes(t);
    expect(stored.reduce((n, b) => n + b.length, 0)).toBeGreaterThan(10_000);
    for (const needle of [...txt.needles, ...bin.needles, ...rec.needles])
      for (const b of stored) expect(b.includes(needle)).toBe(false);
  });
});
