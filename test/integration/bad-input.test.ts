/**
 * Bad input through the API: each gets a clear error with a stable id, and nothing is stored half-way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, reportParts, type Part } from '../helpers/multipart.ts';

const ANSWERS = { what_happened: 'Something happened.', danger: 'no' };

describe.each(DIALECTS)('bad input on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect, env: { CONFIDE_MAX_FILE_BYTES: '1024', CONFIDE_MAX_FILES: '3' } });
  });
  afterAll(async () => t?.close());

  const post = async (parts: Part[]) =>
    t.app.inject({ method: 'POST', url: '/api/v1/reports', ...(await multipart(parts)) });
  const errorOf = (res: { json(): unknown }) =>
    (res.json() as { error: { id: string; message: string; details?: Record<string, string> } }).error;
  const blobCount = () =>
    fs.readdirSync(path.join(t.dataDir, 'blobs'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
      .length;
  const reportCount = async () => (await t.deps.db.selectFrom('reports').select('id').execute()).length;

  async function expectNothingStored(before: { reports: number; blobs: number }) {
    expect(await reportCount()).toBe(before.reports);
    expect(blobCount()).toBe(before.blobs);
  }
  const snapshot = async () => ({ reports: await reportCount(), blobs: blobCount() });

  it('refuses a file over the limit with 413 naming the limit, storing nothing', async () => {
    const before = await snapshot();
    const res = await post(
      reportParts({
        category: 'espionage',
        answers: ANSWERS,
        files: [
          { filename: 'ok.txt', data: Buffer.from('fine') },
          { filename: 'big.bin', data: Buffer.alloc(1025, 1) },
        ],
      }),
    );
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toEqual({ id: 'too_large', message: 'The file “big.bin” is larger than the limit of 1 KiB.' });
    await expectNothingStored(before);
  });

  it('accepts a file of exactly the limit', async () => {
    const res = await post(
      reportParts({
        category: 'espionage',
        answers: ANSWERS,
        files: [{ filename: 'edge.bin', data: Buffer.alloc(1024, 1) }],
      }),
    );
    expect(res.statusCode).toBe(201);
  });

  it('refuses more files than allowed', async () => {
    const before = await snapshot();
    const files = [1, 2, 3, 4].map((i) => ({ filename: `f${i}.txt`, data: Buffer.from(`file ${i}`) }));
    const res = await post(reportParts({ category: 'espionage', answers: ANSWERS, files }));
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).message).toBe('At most 3 files can be sent at once.');
    await expectNothingStored(before);
  });

  it('refuses a text answer over its limit, naming the limit', async () => {
    const res = await post(reportParts({ category: 'espionage', answers: { ...ANSWERS, where: 'x'.repeat(501) } }));
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).details).toEqual({ where: 'At most 500 characters (you entered 501).' });
  });

  it('refuses a text field over the 1 MiB field limit with 413', async () => {
    const res = await post([
      { name: 'category', value: 'espionage' },
      { name: 'answers', value: JSON.stringify({ what_happened: 'y'.repeat(1024 * 1024 + 10) }) },
    ]);
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).message).toBe('A text you entered (field “answers”) is longer than the limit of 1 MiB.');
  });

  it('refuses an unknown category', async () => {
    const res = await post(reportParts({ category: 'no-such', answers: ANSWERS }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toEqual({
      id: 'unknown_category',
      message: 'There is no category “no-such”. Please choose one from the list.',
    });
  });

  it('refuses malformed answers JSON', async () => {
    const res = await post([
      { name: 'category', value: 'espionage' },
      { name: 'answers', value: '{"what_happened": ' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toEqual({ id: 'malformed_json', message: 'The field “answers” must be a JSON object.' });
  });

  it('refuses a malformed multipart body and a body that is not multipart', async () => {
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      payload:
        '--XYZ\r\nContent-Disposition: form-data; name="category"\r\n\r\nespionage\r\n--XYZ\r\nContent-Disposition: form-da',
    });
    expect(broken.statusCode).toBe(400);
    expect(errorOf(broken).id).toBe('malformed_multipart');
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/reports', payload: { category: 'espionage' } });
    expect(json.statusCode).toBe(400);
    expect(errorOf(json).id).toBe('not_multipart');
  });

  it('refuses a zero-byte file by name, storing nothing', async () => {
    const before = await snapshot();
    const res = await post(
      reportParts({
        category: 'espionage',
        answers: ANSWERS,
        files: [{ filename: 'empty.pdf', data: Buffer.alloc(0) }],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toEqual({
      id: 'empty_file',
      message: 'The file “empty.pdf” is empty. Please choose the file again.',
    });
    await expectNothingStored(before);
  });

  it('keeps awkward file names safe and readable', async () => {
    const names: [string, string][] = [
      ['é.txt', 'é.txt'],
      ['文件.docx', '文件.docx'],
      ['😀.png', '😀.png'],
      ['invoice\u202Egpj.exe', 'invoicegpj.exe'],
      ['a";x=1.pdf', 'a_;x=1.pdf'],
      ['a\r\nb.txt', 'ab.txt'],
      ['../../x.txt', 'x.txt'],
    ];
    const long = `${'n'.repeat(296)}.txt`;
    const res = await post(
      reportParts({
        category: 'espionage',
        answers: ANSWERS,
        files: [
          ...names.map(([n]) => ({ filename: n, data: Buffer.from('x') })),
          { filename: long, data: Buffer.from('x') },
        ].slice(0, 3),
      }),
    );
    expect(res.statusCode).toBe(201);
    // the rest, three at a time (the limit in this app is 3 files)
    const rest = [...names.slice(3).map(([n]) => n), long];
    for (let i = 0; i < rest.length; i += 3) {
      const r = await post(
        reportParts({
          category: 'espionage',
          answers: ANSWERS,
          files: rest.slice(i, i + 3).map((n) => ({ filename: n, data: Buffer.from('x') })),
        }),
      );
      expect(r.statusCode).toBe(201);
    }
    const staff = await t.signIn('supervisor');
    const { items } = (
      await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=200', headers: { cookie: staff.cookie } })
    ).json() as { items: { id: string }[] };
    const stored: string[] = [];
    for (const item of items) {
      const d = (
        await t.app.inject({ method: 'GET', url: `/api/v1/cases/${item.id}`, headers: { cookie: staff.cookie } })
      ).json() as { files: { id: string; name: string; cleaning: string }[] };
      for (const f of d.files) {
        stored.push(f.name);
        // 'x' is no real PNG, PDF, DOCX or EXE: those are flagged, with no cleaned copy to download
        expect([f.name, f.cleaning]).toEqual([f.name, /\.txt$/.test(f.name) ? 'unchanged' : 'failed']);
        if (f.cleaning === 'failed') continue;
        const dl = await t.app.inject({
          method: 'GET',
          url: `/api/v1/cases/${item.id}/files/${f.id}`,
          headers: { cookie: staff.cookie },
        });
        expect(dl.statusCode).toBe(200);
        expect(dl.headers['content-disposition']).toMatch(
          /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/,
        );
      }
    }
    for (const [, expected] of names) expect(stored).toContain(expected);
    const longStored = stored.find((n) => n.startsWith('nnnn'))!;
    expect(Buffer.byteLength(longStored)).toBeLessThanOrEqual(255);
    expect(longStored.endsWith('.txt')).toBe(true);
  });
});
