/**
 * A database or file store that takes no writes (issue 8, item 20): a full SQLite disk (`PRAGMA max_page_count`), a
 * PostgreSQL database in read-only mode, a file store whose folder is a file. Each is a 503 `storage_unavailable`
 * that tells the reporter to try again later or use another channel, keeps what was typed on the public forms, stores
 * nothing, and logs the original error (not the failed rollback that used to hide it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS, PG_URL } from '../helpers/db.ts';
import { shownAfter } from '../helpers/forms.ts';
import { multipart, reportParts, type Part } from '../helpers/multipart.ts';

// Long enough to need new pages in any database (a page is 4 KiB): a full disk shows on the first one.
const ANSWERS = { what_happened: 'A man photographed the gate every morning. '.repeat(300), danger: 'no' };
const LONG_MESSAGE = `He came back on Sunday. ${'He wore a grey coat and took pictures. '.repeat(300)}`;
const MESSAGE =
  'The server cannot store anything at the moment. Nothing you sent was stored: please try again later, or use another of the ways to report listed on the start page.';
const UNAVAILABLE = { error: { id: 'storage_unavailable', message: MESSAGE } };

type Inject = (opts: { method: 'POST'; url: string; payload: Buffer; headers: Record<string, string> }) => Promise<{
  statusCode: number;
  body: string;
  json(): unknown;
}>;

describe.each(DIALECTS)('storage that takes no writes, on %s', (dialect) => {
  let t: TestApp;
  const lines: string[] = [];
  let reporter: { cookie: string; csrf: string };
  beforeAll(async () => {
    t = await buildTestApp({ dialect, logLines: lines });
    const made = await submitApi(t.app.inject.bind(t.app) as Inject, []);
    const receipt = (made.json() as { receipt: string }).receipt;
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/follow-up',
      payload: new URLSearchParams({ receipt }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const page = await t.app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie } });
    reporter = { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]! };
  });
  afterAll(async () => t?.close());

  const files = [{ filename: 'gate.txt', data: Buffer.from('the gate, every morning\n'), type: 'text/plain' }];
  async function submitApi(inject: Inject, withFiles: typeof files) {
    const body = await multipart(reportParts({ category: 'espionage', answers: ANSWERS, files: withFiles }));
    return inject({ method: 'POST', url: '/api/v1/reports', ...body });
  }
  async function submitPage(inject: Inject) {
    const parts: Part[] = [
      { name: 'answers', value: JSON.stringify(ANSWERS) },
      { name: 'identity.name', value: 'Ann Example' },
      { name: 'files', value: files[0]!.data, filename: 'gate.txt', type: 'text/plain' },
    ];
    return inject({ method: 'POST', url: '/report/espionage/submit', ...(await multipart(parts)) });
  }
  async function sendMessage(inject: Inject) {
    const body = await multipart([
      { name: 'body', value: LONG_MESSAGE },
      { name: 'files', value: files[0]!.data, filename: 'gate.txt', type: 'text/plain' },
    ]);
    return inject({
      method: 'POST',
      url: `/follow-up/report?_csrf=${encodeURIComponent(reporter.csrf)}`,
      payload: body.payload,
      headers: { ...body.headers, cookie: reporter.cookie },
    });
  }
  const counts = async () => ({
    reports: (await t.deps.db.selectFrom('reports').select('id').execute()).length,
    messages: (await t.deps.db.selectFrom('messages').select('id').execute()).length,
    blobs: fs
      .readdirSync(path.join(t.dataDir, 'blobs'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile()).length,
  });
  const logged = () => lines.map((l) => JSON.parse(l) as { level: number; msg: string; code?: string; err?: object });

  /**
   * Checks the three answers, that nothing was stored, and that the log names `code` and nothing else failed. With
   * `viaDraft` (the database still takes writes) the forms are answered as always, with a redirect to the form shown
   * again from a draft; otherwise the form is shown again in the answer itself, as no draft can be stored.
   */
  async function expectRefused(inject: Inject, code: string, viaDraft = false) {
    type Posted = Parameters<typeof shownAfter>[1];
    const shown = async (posted: Promise<unknown>, cookie?: string) =>
      (viaDraft ? shownAfter(t, (await posted) as Posted, cookie) : posted) as Promise<Posted>;
    const before = await counts();
    lines.length = 0;
    const api = await submitApi(inject, files);
    expect([api.statusCode, api.json()]).toEqual([503, UNAVAILABLE]);

    const page = await shown(submitPage(inject));
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain(MESSAGE);
    expect(page.body).toContain('name="answers" value="{&quot;what_happened&quot;:&quot;A man photographed');
    expect(page.body).toContain('value="Ann Example"');
    expect(page.body).toContain('please choose your files again');

    const message = await shown(sendMessage(inject), reporter.cookie);
    expect(message.statusCode).toBe(503);
    expect(message.body).toContain(MESSAGE);
    expect(message.body).toContain(`>${LONG_MESSAGE}</textarea>`);
    expect(message.body).toContain('please choose your files again');

    expect(await counts()).toEqual(before);
    const errors = logged().filter((l) => l.level >= 50);
    expect(errors.map((l) => [l.msg, l.code])).toEqual(
      Array.from({ length: 3 }, () => [
        'storage unavailable: the database or the file store cannot be reached or takes no writes',
        code,
      ]),
    );
    expect(lines.join('\n')).not.toContain('cannot rollback');
  }

  it('answers a file store that cannot be written 503, naming the cause in the log', async () => {
    const tmp = path.join(t.dataDir, 'blobs', 'tmp');
    fs.rmSync(tmp, { recursive: true });
    fs.writeFileSync(tmp, 'a file where the folder for uploads should be');
    try {
      await expectRefused(t.app.inject.bind(t.app) as Inject, 'ENOTDIR', true);
    } finally {
      fs.rmSync(tmp);
      fs.mkdirSync(tmp, { mode: 0o700 });
    }
  });

  it(`answers a database that takes no writes (${dialect === 'sqlite' ? 'disk full' : 'read-only'}) 503, naming the cause in the log`, async () => {
    if (dialect === 'sqlite') {
      await sql`vacuum`.execute(t.deps.db);
      const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(t.deps.db)).rows[0]!.page_count;
      await sql.raw(`pragma max_page_count = ${pages}`).execute(t.deps.db);
      try {
        await expectRefused(t.app.inject.bind(t.app) as Inject, 'SQLITE_FULL');
      } finally {
        await sql.raw('pragma max_page_count = 1073741823').execute(t.deps.db);
      }
      return;
    }
    // The database turns read-only (as an operator's ALTER DATABASE or a standby does) and PostgreSQL ends the
    // server's connections: the pool must survive that and open read-only ones.
    const name = new URL(t.databaseUrl!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const turn = async (readOnly: boolean) => {
      await admin.query(
        `ALTER DATABASE ${name} ${readOnly ? 'SET default_transaction_read_only = on' : 'RESET default_transaction_read_only'}`,
      );
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      const mode = () =>
        sql<{ v: string }>`select current_setting('transaction_read_only') as v`.execute(t.deps.db).then(
          (r) => r.rows[0]!.v,
          (error: Error) => error.message,
        );
      await expect.poll(mode, { timeout: 10_000 }).toBe(readOnly ? 'on' : 'off');
    };
    await turn(true);
    try {
      await expectRefused(t.app.inject.bind(t.app) as Inject, '25006');
    } finally {
      await turn(false);
      await admin.end();
    }
  });
});
