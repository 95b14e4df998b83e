/**
 * An upload the client breaks off mid-body leaves nothing behind (issue 8 item 23): over a real HTTP connection the
 * client sends half of a file, the server is writing it (its temporary file exists), the client goes away; once the
 * server has handled that (it logs the aborted upload), neither a temporary file nor a blob remains. On the API, the
 * web form and the reporter's follow-up form. Only a process that dies mid-write leaves a temporary file, which the
 * sweep then removes (src/blobs/local.test.ts).
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { filesUnder } from '../helpers/marker-scan.ts';
import { multipart, reportParts, type Part } from '../helpers/multipart.ts';
import { intakeParts } from '../helpers/intake.ts';

const ANSWERS = { what_happened: 'A man photographs the gate.', danger: 'no' };
const FILE = Buffer.alloc(3_000_000, 7);

describe.each(DIALECTS)('uploads broken off on %s', (dialect) => {
  let t: TestApp;
  const lines: string[] = [];
  let port = 0;
  beforeAll(async () => {
    t = await buildTestApp({ dialect, logLines: lines });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => t?.close());

  const blobsDir = () => path.join(t.dataDir, 'blobs');
  const partials = () => fs.readdirSync(path.join(blobsDir(), 'tmp'));
  const aborted = () => lines.filter((l) => (JSON.parse(l) as { msg: string }).msg === 'upload aborted by the client');

  /** Sends the headers and half of `parts`, waits until the server writes the file, then goes away. */
  async function breakOff(url: string, parts: Part[], headers: Record<string, string> = {}): Promise<void> {
    const body = await multipart(parts);
    const payload = body.payload;
    const blobsBefore = filesUnder(blobsDir()).length;
    const abortsBefore = aborted().length;
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const head = { ...headers, 'content-type': body.headers['content-type']!, 'content-length': `${payload.length}` };
    socket.write(
      `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(head)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}\r\n`,
    );
    socket.write(payload.subarray(0, payload.length / 2));
    // The server is writing the file: its temporary file exists.
    await expect.poll(() => partials().length).toBe(1);
    socket.destroy();
    // The server has handled the abort once it has logged it; by then nothing of the upload may remain.
    await expect.poll(() => aborted().length).toBe(abortsBefore + 1);
    expect(partials()).toEqual([]);
    expect(filesUnder(blobsDir()).length).toBe(blobsBefore);
  }

  it('through the API', async () => {
    await breakOff(
      '/api/v1/reports',
      reportParts({ category: 'espionage', answers: ANSWERS, files: [{ filename: 'big.bin', data: FILE }] }),
    );
  });

  it('through the web form', async () => {
    await breakOff('/report/espionage/submit', [
      { name: 'answers', value: JSON.stringify(ANSWERS) },
      { name: 'file.evidence', value: FILE, filename: 'big.bin' },
    ]);
  });

  it('through the follow-up form', async () => {
    const { receipt } = await submitCase(t);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/session', payload: { receipt } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const { csrfToken } = login.json() as { csrfToken: string };
    await breakOff(
      `/follow-up/report?_csrf=${encodeURIComponent(csrfToken)}`,
      [
        { name: 'body', value: 'More.' },
        { name: 'files', value: FILE, filename: 'big.bin' },
      ],
      { cookie },
    );
  });

  it('through operator intake: an operator who loses the connection leaves no report', async () => {
    const operator = await t.signIn('operator');
    const reports = () => t.deps.db.selectFrom('reports').select('id').execute();
    const before = await reports();
    await breakOff(
      '/api/v1/intake/reports',
      intakeParts({
        channel: 'post',
        answers: ANSWERS,
        facts: { receivedAt: new Date().toISOString(), transcription: 'See the scan.' },
        files: [{ field: 'scans', filename: 'scan.pdf', data: FILE }],
      }),
      { cookie: operator.cookie, 'x-csrf-token': operator.csrf },
    );
    expect(await reports()).toEqual(before);
  });
});
