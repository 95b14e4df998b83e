/**
 * For the tests that prove nothing of a report is readable at rest: a report carrying a unique marker in every
 * place a reporter can put text or bytes, and every byte the app stores, to search for it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import { multipart, reportParts } from './multipart.ts';

/** Every file below `dir` (none when it does not exist). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(e.parentPath, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * Submits an espionage report with `marker` in its answers, identity and file names, a text file holding it and a
 * binary file (`binary`, which should hold it too), then, signed in with the receipt, a reporter message with it.
 */
export async function submitMarkedReport(t: TestApp, marker: string, binary: Buffer): Promise<void> {
  const body = await multipart(
    reportParts({
      category: 'espionage',
      answers: { what_happened: `seen ${marker} at the gate`, where: marker, danger: 'no' },
      identity: { name: `Name ${marker}`, contact: marker },
      files: [
        { filename: `${marker}.txt`, data: Buffer.from(`file body ${marker}\n`), type: 'text/plain' },
        { filename: `${marker}.bin`, data: binary },
      ],
    }),
  );
  const submitted = await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body });
  expect(submitted.statusCode).toBe(201);
  const { receipt } = submitted.json() as { receipt: string };
  const login = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/session', payload: { receipt } });
  const reporter = {
    cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken,
  };
  const more = await t.app.inject({
    method: 'POST',
    url: '/api/v1/reporter/messages',
    headers: reporter,
    payload: { body: `more ${marker}` },
  });
  expect(more.statusCode).toBe(201);
}

/** Every byte at rest: the files of the data folder (SQLite files, blobs) and, on PostgreSQL, two pg_dumps. */
export function storedBytes(t: TestApp): Buffer[] {
  const out = filesUnder(t.dataDir).map((f) => fs.readFileSync(f));
  if (t.dialect === 'postgres') {
    out.push(execFileSync('pg_dump', ['--dbname', t.databaseUrl!, '--data-only', '--inserts'], { maxBuffer: 1 << 28 }));
    out.push(
      execFileSync('pg_dump', ['--dbname', t.databaseUrl!, '--format=custom', '--compress=0'], { maxBuffer: 1 << 28 }),
    );
  }
  return out;
}

/** The forms in which a marker could be stored: as UTF-8 and UTF-16 text, and base64 and hex encoded. */
export function needles(marker: string): Buffer[] {
  return [
    Buffer.from(marker),
    Buffer.from(marker, 'utf16le'),
    Buffer.from(Buffer.from(marker).toString('base64').slice(0, 16)),
    Buffer.from(Buffer.from(marker).toString('hex')),
  ];
}
