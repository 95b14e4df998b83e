/**
 * What the stored copies of a file tell and what they are bound to (issue 8 items 6 and 10): exact sizes are kept
 * only sealed and every blob's length falls on a size bucket; each blob opens only as the copy of the file it was
 * written for, so copies swapped in the database (or a format column turned back) are refused with a clear error
 * and a log line that says why; rows written before (format 1) still open.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSealed, sealJson } from '../../src/crypto/sodium.ts';
import { caseKeys } from '../../src/domain/cases/access.ts';
import { heldGrant } from '../../src/store/grants.ts';
import { fileAd } from '../../src/crypto/case-keys.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { approval, viewerOf } from '../helpers/approvals.ts';
import { actor, errorId, type Actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { allCells } from '../helpers/cells.ts';
import { filesUnder } from '../helpers/marker-scan.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';
import { legacyBlob } from '../helpers/secretstream.ts';

/** Distinct bytes of a given size (a counter pattern shifted by `seed`). */
const bytes = (size: number, seed: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + seed) % 251));
/** ASCII text of a given size, so that it is kept as its own cleaned copy. */
const text = (size: number, letter: string) =>
  Buffer.from(`${letter} line\n`.repeat(Math.ceil(size / 7))).subarray(0, size);

/** Whether `p` is a Padmé length of at least 4 KiB: a multiple of 2^(E − ⌊log₂ E⌋ − 1), E = ⌊log₂ p⌋. */
function isPadme(p: number): boolean {
  if (p < 4096) return false;
  const e = Math.floor(Math.log2(p));
  return p % 2 ** (e - Math.floor(Math.log2(e)) - 1) === 0;
}

/** Whether a blob of `length` bytes holds a Padmé-padded stream: 24 + P + 17 per 64 KiB chunk of P. */
function onBucket(length: number): boolean {
  for (let chunks = 1; (chunks - 1) * 65_536 < length; chunks++) {
    const p = length - 24 - 17 * chunks;
    if (p > (chunks - 1) * 65_536 && p <= chunks * 65_536) return isPadme(p);
  }
  return false;
}

describe.each(DIALECTS)('stored file copies on %s', (dialect) => {
  let t: TestApp;
  let sup: Actor;
  let handler: Actor;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await buildTestApp({ dialect, logLines: lines });
    sup = await actor(t, 'supervisor');
    handler = await actor(t, 'handler');
  });
  afterAll(async () => t?.close());

  /** Submits `files` as one report, granted to the handler. @returns the case id, its files and the receipt */
  async function submit(files: { filename: string; data: Buffer; type?: string }[]) {
    const body = await multipart(
      reportParts({ category: 'espionage', answers: { what_happened: 'Files attached.', danger: 'no' }, files }),
    );
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body });
    expect(res.statusCode).toBe(201);
    const { items } = (await sup.get('/api/v1/cases?order=newest&limit=1')).json() as { items: { id: string }[] };
    const id = items[0]!.id;
    expect((await sup.send('POST', `/api/v1/cases/${id}/grants`, { userId: t.users.handler.id })).statusCode).toBe(201);
    const detail = (await sup.get(`/api/v1/cases/${id}`)).json() as {
      files: { id: string; name: string; size: number | null; cleaning: string }[];
    };
    return { id, files: detail.files, receipt: (res.json() as { receipt: string }).receipt };
  }

  const download = (caseId: string, fileId: string) => sup.get(`/api/v1/cases/${caseId}/files/${fileId}`);

  it('keeps exact sizes only sealed, pads every blob to a size bucket, and gives the files back byte for byte', async () => {
    const blobsDir = path.join(t.dataDir, 'blobs');
    const before = new Set(filesUnder(blobsDir));
    const binary = bytes(234_567, 1);
    const small = bytes(3_001, 2);
    const notes = text(100_003, 'n');
    const c = await submit([
      { filename: 'archive.bin', data: binary },
      { filename: 'small.bin', data: small },
      { filename: 'notes.txt', data: notes, type: 'text/plain' },
    ]);

    // Staff and the reporter still see the exact sizes, and downloads give the very bytes.
    expect(c.files.map((f) => [f.name, f.size, f.cleaning])).toEqual([
      ['archive.bin', 234_567, 'failed'],
      ['small.bin', 3_001, 'failed'],
      ['notes.txt', 100_003, 'unchanged'],
    ]);
    const got = await download(c.id, c.files[2]!.id);
    expect([got.statusCode, got.headers['content-length'], got.rawPayload.equals(notes)]).toEqual([
      200,
      '100003',
      true,
    ]);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporter/session',
      payload: { receipt: c.receipt },
    });
    const reporterView = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reporter/report',
      headers: { cookie: login.cookies.map((k) => `${k.name}=${k.value}`).join('; ') },
    });
    expect((reporterView.json() as { files: { size: number }[] }).files.map((f) => f.size)).toEqual([
      234_567, 3_001, 100_003,
    ]);

    // Four blobs (two originals only, one original and its cleaned copy), every one on a bucket length.
    const written = filesUnder(blobsDir).filter(
      (f) => !before.has(f) && path.dirname(f) !== path.join(blobsDir, 'tmp'),
    );
    const lengths = written.map((f) => fs.statSync(f).size).sort((a, b) => a - b);
    expect(lengths).toEqual([24 + 4096 + 17, 24 + 100_352 + 2 * 17, 24 + 100_352 + 2 * 17, 24 + 237_568 + 4 * 17]);
    expect(lengths.filter((l) => !onBucket(l))).toEqual([]);

    // The exact sizes are in no column, as a number or as text.
    const sizes = [234_567, 3_001, 100_003];
    const asText = new RegExp(`(?<![0-9A-Za-z])(${sizes.join('|')})(?![0-9A-Za-z])`);
    const hits = (await allCells(t)).filter(
      ({ value }) =>
        (typeof value === 'number' && sizes.includes(value)) || (typeof value === 'string' && asText.test(value)),
    );
    expect(hits).toEqual([]);
    if (dialect === 'postgres') {
      const dump = execFileSync('pg_dump', ['--dbname', t.databaseUrl!, '--data-only', '--inserts'], {
        maxBuffer: 1 << 28,
      }).toString();
      expect(asText.exec(dump)?.[0] ?? null).toBeNull();
    }
  });

  it('refuses cleaned copies swapped between two files, and logs which file and why', async () => {
    const a = text(5_000, 'a');
    const b = text(6_000, 'b');
    const c = await submit([
      { filename: 'a.txt', data: a, type: 'text/plain' },
      { filename: 'b.txt', data: b, type: 'text/plain' },
    ]);
    const [fa, fb] = c.files;
    const rows = await t.deps.db
      .selectFrom('files')
      .select(['id', 'cleaned_blob'])
      .where('report_id', '=', c.id)
      .orderBy('position')
      .execute();
    await t.deps.db
      .updateTable('files')
      .set({ cleaned_blob: rows[1]!.cleaned_blob })
      .where('id', '=', fa!.id)
      .execute();
    await t.deps.db
      .updateTable('files')
      .set({ cleaned_blob: rows[0]!.cleaned_blob })
      .where('id', '=', fb!.id)
      .execute();
    lines.length = 0;

    for (const f of [fa!, fb!]) {
      const res = await download(c.id, f.id);
      expect([res.statusCode, res.json()]).toEqual([
        500,
        {
          error: {
            id: 'file_damaged',
            message:
              'The stored copy of this file does not match its record (it was altered, damaged or swapped with another file’s), so it is not shown. Tell your administrator: the server log names the file and the cause.',
          },
        },
      ]);
    }
    const logged = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'stored data failed its integrity check (file_damaged)')
      .map((l) => [l.level, l.fileId, l.copy, l.reason]);
    const reason = "blob does not decrypt as this file's cleaned copy: encrypted stream chunk does not authenticate";
    expect(logged).toEqual([
      [50, fa!.id, 'cleaned', reason],
      [50, fb!.id, 'cleaned', reason],
    ]);
    // Nothing was served, so no download is on record.
    const downloads = await t.deps.db
      .selectFrom('audit')
      .select('reason')
      .where('action', '=', 'file.download')
      .where('subject', '=', `report:${c.id}`)
      .execute();
    expect(downloads).toEqual([]);
  });

  it('refuses an original swapped with another file’s, and leaves the approval unused', async () => {
    const a = bytes(70_000, 3);
    const b = bytes(80_000, 4);
    const c = await submit([
      { filename: 'a.bin', data: a },
      { filename: 'b.bin', data: b },
    ]);
    const [fa] = c.files;
    const rows = await t.deps.db
      .selectFrom('files')
      .select(['id', 'original_blob'])
      .where('report_id', '=', c.id)
      .orderBy('position')
      .execute();
    const swap = async (x: string, y: string) => {
      await t.deps.db.updateTable('files').set({ original_blob: x }).where('id', '=', rows[0]!.id).execute();
      await t.deps.db.updateTable('files').set({ original_blob: y }).where('id', '=', rows[1]!.id).execute();
    };
    await swap(rows[1]!.original_blob, rows[0]!.original_blob);
    const requestId = await approval(t, {
      requester: 'handler',
      decider: 'supervisor',
      caseId: c.id,
      kind: 'open_original',
      subject: fa!.id,
    });
    const url = `/api/v1/cases/${c.id}/files/${fa!.id}/original?requestId=${requestId}`;
    const refused = await handler.get(url);
    expect([refused.statusCode, errorId(refused)]).toEqual([500, 'file_damaged']);
    const request = await t.deps.db
      .selectFrom('requests')
      .select('used_at')
      .where('id', '=', requestId)
      .executeTakeFirst();
    expect(request).toEqual({ used_at: null });

    await swap(rows[0]!.original_blob, rows[1]!.original_blob);
    const opened = await handler.get(url);
    expect([opened.statusCode, opened.headers['content-length'], opened.rawPayload.equals(a)]).toEqual([
      200,
      '70000',
      true,
    ]);
  });

  it('refuses a blob whose row says format 1, so turning the format column back gains nothing', async () => {
    const c = await submit([{ filename: 'c.txt', data: text(5_000, 'c'), type: 'text/plain' }]);
    await t.deps.db.updateTable('files').set({ blob_format: 1 }).where('id', '=', c.files[0]!.id).execute();
    const res = await download(c.id, c.files[0]!.id);
    expect([res.statusCode, errorId(res)]).toEqual([500, 'file_damaged']);
  });

  it('still opens files stored before (format 1: no padding, no binding, sizes from the blob’s length)', async () => {
    const data = text(70_001, 'o');
    const c = await submit([{ filename: 'old.txt', data, type: 'text/plain' }]);
    const viewer = await viewerOf(t, 'supervisor');
    const keys = await caseKeys(t.deps, viewer, c.id);
    const row = await t.deps.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', c.files[0]!.id)
      .executeTakeFirstOrThrow();
    const report = await t.deps.db
      .selectFrom('reports')
      .select('evidence_public_key')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const grant = await heldGrant(t.deps.db, c.id, viewer.userId, 'evidence');
    const evidenceKey = openSealed(viewer.publicKey, viewer.secretKey, grant!.sealed_key);
    const fileKey = openSealed(report.evidence_public_key, evidenceKey, row.sealed_original_key);
    // The row as the code before format 2 wrote it: format-1 blobs, and metadata without sizes.
    const write = async (blob: Buffer) => {
      const id = t.deps.blobs.newId();
      await t.deps.blobs.write(id, Readable.from([blob]));
      return id;
    };
    await t.deps.db
      .updateTable('files')
      .set({
        blob_format: 1,
        cleaned_blob: await write(legacyBlob(keys.reportKey, data)),
        original_blob: await write(legacyBlob(fileKey, data)),
        sealed_meta: sealJson(
          keys.reportKey,
          { name: 'old.txt', type: 'text/plain', note: null },
          fileAd(c.id, row.id),
        ),
        sealed_original_meta: sealJson(fileKey, { name: 'old.txt', type: 'text/plain' }, fileAd(c.id, row.id)),
      })
      .where('id', '=', row.id)
      .execute();

    const detail = (await sup.get(`/api/v1/cases/${c.id}`)).json() as { files: { size: number }[] };
    expect(detail.files.map((f) => f.size)).toEqual([70_001]);
    const got = await download(c.id, row.id);
    expect([got.statusCode, got.headers['content-length'], got.rawPayload.equals(data)]).toEqual([200, '70001', true]);
    const requestId = await approval(t, {
      requester: 'handler',
      decider: 'supervisor',
      caseId: c.id,
      kind: 'open_original',
      subject: row.id,
    });
    const original = await handler.get(`/api/v1/cases/${c.id}/files/${row.id}/original?requestId=${requestId}`);
    expect([original.statusCode, original.headers['content-length'], original.rawPayload.equals(data)]).toEqual([
      200,
      '70001',
      true,
    ]);
  });
});
