/**
 * Approving one original passes on that file's key only (issue 8 item 13). Before, the approval sealed the report's
 * evidence private key to the requester, so with their private key and a copy of the database every original of the
 * report opened offline — later ones too.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJson, openSealed } from '../../src/crypto/sodium.ts';
import { caseKeys } from '../../src/domain/cases/access.ts';
import type { Viewer } from '../../src/domain/viewer.ts';
import { reporterAddInformation } from '../../src/domain/reporter/follow-up.ts';
import { fileAd } from '../../src/crypto/case-keys.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { approval, viewerOf } from '../helpers/approvals.ts';
import { allCells } from '../helpers/cells.ts';
import { actor, errorId, type Actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';

const text = (letter: string) => Buffer.from(`${letter} line\n`.repeat(900));

/**
 * Every secret that `viewer`'s private key opens in a copy of the database (any cell that is a sealed box to them),
 * with the 32-byte halves of each (a case grant seals the report and case keys together).
 */
async function secretsOpenedBy(t: TestApp, viewer: Viewer): Promise<Buffer[]> {
  const secrets: Buffer[] = [];
  for (const { value } of await allCells(t)) {
    if (!Buffer.isBuffer(value) && !(value instanceof Uint8Array)) continue;
    try {
      const opened = openSealed(viewer.publicKey, viewer.secretKey, Buffer.from(value));
      secrets.push(opened, ...(opened.length === 64 ? [opened.subarray(0, 32), opened.subarray(32)] : []));
    } catch {
      // Not sealed to this viewer: what the copy cannot open for them.
      continue;
    }
  }
  return secrets;
}

/** Whether `secret` opens the original of `file`: as the evidence private key, or as the file's own key. */
function opensOriginal(
  secret: Buffer,
  reportId: string,
  evidencePublicKey: Buffer,
  file: { id: string; sealed_original_key: Buffer; sealed_original_meta: Buffer },
): boolean {
  const attempts = [
    () => openSealed(evidencePublicKey, secret, file.sealed_original_key),
    () => openJson(secret, file.sealed_original_meta, fileAd(reportId, file.id)),
  ];
  return attempts.some((attempt) => {
    try {
      attempt();
      return true;
    } catch {
      return false;
    }
  });
}

describe.each(DIALECTS)('keys to originals on %s', (dialect) => {
  let t: TestApp;
  let sup: Actor;
  let handler: Actor;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    sup = await actor(t, 'supervisor');
    handler = await actor(t, 'handler');
  });
  afterAll(async () => t?.close());

  it('passes on the approved original’s key only: the requester’s key and a copy of the database open no other original, nor a later one', async () => {
    const body = await multipart(
      reportParts({
        category: 'espionage',
        answers: { what_happened: 'A man photographs the north gate.', danger: 'no' },
        files: [
          { filename: 'a.txt', data: text('a'), type: 'text/plain' },
          { filename: 'b.txt', data: text('b'), type: 'text/plain' },
        ],
      }),
    );
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body })).statusCode).toBe(201);
    const { items } = (await sup.get('/api/v1/cases?order=newest&limit=1')).json() as { items: { id: string }[] };
    const reportId = items[0]!.id;
    expect(
      (await sup.send('POST', `/api/v1/cases/${reportId}/grants`, { userId: t.users.handler.id })).statusCode,
    ).toBe(201);
    const files = (await sup.get(`/api/v1/cases/${reportId}`)).json() as { files: { id: string; name: string }[] };
    const [a, b] = files.files.map((f) => f.id) as [string, string];

    const requestId = await approval(t, {
      requester: 'handler',
      decider: 'supervisor',
      caseId: reportId,
      kind: 'open_original',
      subject: a,
    });
    const original = (fileId: string, id?: string) =>
      handler.get(`/api/v1/cases/${reportId}/files/${fileId}/original${id ? `?requestId=${id}` : ''}`);
    const opened = await original(a, requestId);
    expect([opened.statusCode, opened.rawPayload.equals(text('a'))]).toEqual([200, true]);

    // The reporter adds a file afterwards: its key is sealed to the same evidence public key.
    const viewer = await viewerOf(t, 'supervisor');
    const keys = await caseKeys(t.deps, viewer, reportId);
    await reporterAddInformation(
      t.deps,
      { id: 'test', kind: 'reporter', userId: null, reportId, key: keys.reportKey },
      { files: [{ name: 'c.txt', type: 'text/plain', stream: Readable.from([text('c')]) }] },
    );

    const rows = await t.deps.db
      .selectFrom('files')
      .select(['id', 'sealed_original_key', 'sealed_original_meta'])
      .where('report_id', '=', reportId)
      .orderBy('created_at')
      .orderBy('position')
      .execute();
    expect(rows).toHaveLength(3);
    const { evidence_public_key: evidencePublicKey } = await t.deps.db
      .selectFrom('reports')
      .select('evidence_public_key')
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    const secrets = await secretsOpenedBy(t, await viewerOf(t, 'handler'));
    const opens = (fileId: string) =>
      secrets.some((s) =>
        opensOriginal(
          s,
          reportId,
          evidencePublicKey,
          rows.find((r) => r.id === fileId)!,
        ),
      );
    expect(rows.map((r) => [r.id === a ? 'a' : r.id === b ? 'b' : 'later', opens(r.id)])).toEqual([
      ['a', true],
      ['b', false],
      ['later', false],
    ]);

    // Through the application too: an approval for B does not come from A's key.
    expect(errorId(await original(b, requestId))).toBe('approval_required');
    const forB = await approval(t, {
      requester: 'handler',
      decider: 'supervisor',
      caseId: reportId,
      kind: 'open_original',
      subject: b,
    });
    const openedB = await original(b, forB);
    expect([openedB.statusCode, openedB.rawPayload.equals(text('b'))]).toEqual([200, true]);
  });
});
