/**
 * What a copy of the data tells of the staff a complaint names (issue 8 item 6). Before, the exclusions table named
 * them in clear, and an oversight officer's audit export had an entry (`case.exclude_named`, with a count) only for
 * the reports that named someone. Now the exclusions are sealed under the case key: in a copy of the SQLite files or
 * a pg_dump, no row of the complaint holds the named officer's id, username or name, and the export's entries of a
 * complaint naming someone are those of one naming no one. On every database.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/domain/accounts/users.ts';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { filesUnder } from '../helpers/marker-scan.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';

const complaint = (officials: string) => ({
  what_happened: 'An officer took my passport at the border and kept it for a week.',
  officials,
  danger: 'no',
});

/** The forms in which a value could be stored: as text, and as the hex of its bytes (bytea in a pg_dump). */
const forms = (value: string) => [value, Buffer.from(value).toString('hex')];

/**
 * Every row of a copy of the database that mentions `reportId`, each as text (cells joined; binary cells also as
 * hex and as raw bytes read as Latin-1, so that bytes hidden in a blob show): SQLite — the files copied, then opened
 * read-only; PostgreSQL — the lines of a data-only pg_dump.
 */
function rowsOfCopy(t: TestApp, reportId: string): string[] {
  if (t.dialect === 'postgres')
    return execFileSync('pg_dump', ['--dbname', t.databaseUrl!, '--data-only', '--inserts'], { maxBuffer: 1 << 28 })
      .toString()
      .split('\n')
      .filter((line) => line.includes(reportId));
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-copy-'));
  try {
    for (const file of filesUnder(t.dataDir).filter((f) => path.basename(f).startsWith('confide.sqlite')))
      fs.copyFileSync(file, path.join(copy, path.basename(file)));
    const db = new SQLite(path.join(copy, 'confide.sqlite'));
    try {
      const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
      return tables.flatMap(({ name }) =>
        (db.prepare(`select * from "${name}"`).all() as Record<string, unknown>[])
          .map((row) =>
            Object.values(row)
              .map((v) => (Buffer.isBuffer(v) ? `${v.toString('hex')} ${v.toString('latin1')}` : String(v)))
              .join(' | '),
          )
          .filter((text) => text.includes(reportId)),
      );
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

describe.each(DIALECTS)('staff a complaint names, in a copy of the data, on %s', (dialect) => {
  let t: TestApp;
  let brandt: { id: string; username: string };
  let naming: string;
  let notNaming: string;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    const added = await addUser(t.deps, {
      username: 'zbrandt',
      role: 'oversight',
      password: PASSWORD,
      displayName: 'Zoë Brandt',
    });
    brandt = { id: added.user.id, username: 'zbrandt' };
    await addUser(t.deps, { username: 'okim', role: 'oversight', password: PASSWORD, displayName: 'Olga Kim' });
    const ids: string[] = [];
    for (const officials of ['Officer Zoë Brandt.', 'An officer whose name I do not know.']) {
      const before = new Set((await t.deps.db.selectFrom('reports').select('id').execute()).map((r) => r.id));
      const body = await multipart(reportParts({ category: 'complaint-official', answers: complaint(officials) }));
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body })).statusCode).toBe(201);
      ids.push((await t.deps.db.selectFrom('reports').select('id').execute()).find((r) => !before.has(r.id))!.id);
    }
    [naming, notNaming] = ids as [string, string];
  });
  afterAll(async () => t?.close());

  it('gives an oversight officer’s export the same entries for a complaint naming someone as for one naming no one', async () => {
    const over = await actor(t, 'oversight');
    const res = await over.get('/api/v1/audit/export');
    expect(res.statusCode).toBe(200);
    const entries = res.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { subject: string | null; action: string; actor: string; reason: string });
    const of = (id: string) =>
      entries
        .filter((e) => e.subject === `report:${id}`)
        .map(({ action, actor, reason }) => ({ action, actor, reason }));
    expect(of(naming)).toEqual(of(notNaming));
    // Read before anyone opens either complaint: from then on, staff's own steps are logged.
    expect(of(naming).map((e) => e.action)).toEqual(['report.submit']);
  });

  it('keeps the named officer out of every row of the complaint, while its managers still read the exclusion', async () => {
    // The managers still see who is excluded, and the exclusion still holds.
    const over = await actor(t, 'oversight');
    const access = (await over.get(`/api/v1/cases/${naming}`)).statusCode;
    expect(access).toBe(200);
    const shown = (await over.get(`/api/v1/cases/${naming}/access`)).json() as {
      exclusions: { userId: string; reason: string }[];
    };
    expect(shown.exclusions).toEqual([expect.objectContaining({ userId: brandt.id, reason: 'named_in_report' })]);
    expect((await (await actor(t, 'zbrandt')).get(`/api/v1/cases/${naming}`)).statusCode).toBe(404);

    const rows = rowsOfCopy(t, naming);
    expect(rows.length).toBeGreaterThan(2);
    const needles = [...forms(brandt.id), ...forms(brandt.username), ...forms('Zoë Brandt'), ...forms('Brandt')];
    expect(rows.filter((row) => needles.some((n) => row.includes(n)))).toEqual([]);
    // Nor does the length of the sealed list tell whether anyone is named.
    const lists = await t.deps.db
      .selectFrom('reports')
      .select(['id', 'sealed_exclusions'])
      .where('id', 'in', [naming, notNaming])
      .execute();
    expect(new Set(lists.map((r) => r.sealed_exclusions?.length)).size).toBe(1);
    expect(await t.deps.db.selectFrom('exclusions').selectAll().execute()).toEqual([]);
  });

  it('honours clear exclusion rows written before, and seals them when a manager next reads the access', async () => {
    const body = await multipart(
      reportParts({ category: 'espionage', answers: { what_happened: 'A van at the gate.', danger: 'no' } }),
    );
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body })).statusCode).toBe(201);
    const sup = await actor(t, 'supervisor');
    const { items } = (await sup.get('/api/v1/cases?order=newest&limit=1')).json() as { items: { id: string }[] };
    const id = items[0]!.id;
    // The case as it was before 0006: no sealed list, the exclusion a clear row.
    await t.deps.db.updateTable('reports').set({ sealed_exclusions: null }).where('id', '=', id).execute();
    await t.deps.db
      .insertInto('exclusions')
      .values({
        report_id: id,
        user_id: t.users.handler.id,
        reason: 'conflict_of_interest',
        sealed_note: null,
        created_by: t.users.supervisor.id,
        created_at: '2026-01-05T09:00:00.000Z',
      })
      .execute();
    const grant = () => sup.send('POST', `/api/v1/cases/${id}/grants`, { userId: t.users.handler.id });
    const refused = await grant();
    expect([refused.statusCode, (refused.json() as { error: { id: string } }).error.id]).toEqual([409, 'excluded']);

    const access = (await sup.get(`/api/v1/cases/${id}/access`)).json() as {
      exclusions: { userId: string; reason: string; createdAt: string }[];
    };
    expect(access.exclusions).toEqual([
      expect.objectContaining({
        userId: t.users.handler.id,
        reason: 'conflict_of_interest',
        createdAt: '2026-01-05T09:00:00.000Z',
      }),
    ]);
    expect(await t.deps.db.selectFrom('exclusions').selectAll().where('report_id', '=', id).execute()).toEqual([]);
    const row = await t.deps.db
      .selectFrom('reports')
      .select('sealed_exclusions')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.sealed_exclusions).not.toBeNull();
    expect((await grant()).statusCode).toBe(409);
  });
});
