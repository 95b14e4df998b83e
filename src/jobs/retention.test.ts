/**
 * The retention job on both databases: a reminder to the managers holding a closed case before its retention ends,
 * destruction after the end and the notice period, legal holds that stop it, dry runs that change nothing, and
 * the sweep of abandoned blobs and partial uploads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildTestApp, uploadBlobIds, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { insertReport } from '../../test/helpers/report-rows.ts';
import { addStaff, grantCase, pendingNotices } from '../../test/helpers/staff-work.ts';
import { runRetention, retentionJob } from './retention.ts';
import type { JobLog } from './runner.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.parse('2030-01-07T09:00:00.000Z');
/** The retention end of the cases below. */
const ENDS = T0 + 60 * DAY;

async function withApp(dialect: TestApp['dialect'], fn: (t: TestApp, setClock: (ms: number) => void) => Promise<void>) {
  let clock = new Date(T0);
  const t = await buildTestApp({
    dialect,
    now: () => clock,
    roles: ['supervisor', 'handler', 'oversight'],
    env: { CONFIDE_RETENTION_REMINDER_DAYS: '14', CONFIDE_UPLOAD_GRACE_HOURS: '24' },
  });
  try {
    await fn(t, (ms) => (clock = new Date(ms)));
  } finally {
    await t.close();
  }
}

/** A closed case whose retention ends at `ends`, granted to `holders`. */
async function closedCase(t: TestApp, holders: string[], overrides: Parameters<typeof insertReport>[1] = {}) {
  const id = await insertReport(t.deps.db, {
    status: 'closed',
    outcome: 'unsubstantiated',
    closed_at: new Date(T0 - DAY).toISOString(),
    retention_ends_at: new Date(ENDS).toISOString(),
    ...overrides,
  });
  for (const user of holders) await grantCase(t.deps, id, user);
  return id;
}

/** A file row of the case referencing `blob` (sealed columns hold placeholders). */
async function fileRow(t: TestApp, reportId: string, blob: string) {
  const placeholder = Buffer.from('not sealed');
  await t.deps.db
    .insertInto('files')
    .values({
      id: crypto.randomUUID(),
      report_id: reportId,
      author: 'reporter',
      position: 0,
      cleaning: 'failed',
      cleaned_blob: null,
      sealed_meta: placeholder,
      original_blob: blob,
      blob_format: 2,
      sealed_original_key: placeholder,
      sealed_original_meta: placeholder,
      created_at: new Date(T0).toISOString(),
    })
    .execute();
}

async function writeBlob(t: TestApp, text: string): Promise<string> {
  const id = t.deps.blobs.newId();
  await t.deps.blobs.write(id, Readable.from([Buffer.from(text)]));
  return id;
}

const blobIds = (t: TestApp) => uploadBlobIds(t.deps);

const audited = (t: TestApp, action: string) =>
  t.deps.db
    .selectFrom('audit')
    .select(['actor', 'subject', 'reason'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

const exists = async (t: TestApp, id: string) =>
  (await t.deps.db.selectFrom('reports').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

describe.each(DIALECTS)('retention job on %s', (dialect) => {
  it('reminds the managers holding a closed case once, 14 days before its retention ends', () =>
    withApp(dialect, async (t, setClock) => {
      const { supervisor, handler, oversight } = t.users;
      const sup2 = await addStaff(t.deps, 'sup2', 'supervisor');
      const report = await closedCase(t, [supervisor.id, sup2, handler.id]);
      const complaint = await closedCase(t, [oversight.id, handler.id], { category: 'complaint-official' });
      const held = await closedCase(t, [supervisor.id], { legal_hold_at: new Date(T0).toISOString() });
      await insertReport(t.deps.db, { status: 'investigating' }); // open: no retention clock
      const nobody = await closedCase(t, [handler.id]);

      setClock(ENDS - 14 * DAY - HOUR);
      expect((await runRetention(t.deps)).reminded).toEqual([]);
      setClock(ENDS - 14 * DAY + HOUR);
      const run = await runRetention(t.deps);
      expect(run.reminded.sort()).toEqual([report, complaint, nobody].sort());
      expect({ notices: run.notices, unreached: run.unreached, destroyed: run.destroyed }).toEqual({
        notices: 3,
        unreached: 1,
        destroyed: [],
      });
      expect(await pendingNotices(t.deps)).toEqual(['oversight:retention', 'sup2:retention', 'supervisor:retention']);
      const row = await t.deps.db
        .selectFrom('reports')
        .select('retention_reminded_at')
        .where('id', '=', report)
        .executeTakeFirstOrThrow();
      expect(row.retention_reminded_at).toBe(new Date(ENDS - 14 * DAY + HOUR).toISOString());
      expect((await audited(t, 'retention.remind')).find((a) => a.subject === `report:${report}`)).toEqual({
        actor: 'system',
        subject: `report:${report}`,
        reason: 'notices 2',
      });

      setClock(ENDS - DAY);
      expect((await runRetention(t.deps)).reminded).toEqual([]);
      expect(await pendingNotices(t.deps)).toHaveLength(3);
      expect(await exists(t, held)).toBe(true);
    }));

  it('destroys a closed case when retention ends and the notice has run, with its files, and audits it', () =>
    withApp(dialect, async (t, setClock) => {
      const id = await closedCase(t, [t.users.supervisor.id]);
      const blob = await writeBlob(t, 'ciphertext');
      await fileRow(t, id, blob);
      setClock(ENDS - 14 * DAY);
      await runRetention(t.deps);

      setClock(ENDS - 60_000);
      expect((await runRetention(t.deps)).destroyed).toEqual([]);
      setClock(ENDS);
      const run = await runRetention(t.deps);
      expect(run.destroyed).toEqual([id]);
      expect(run.blobs).toEqual({ deleted: 1, failed: 0 });
      expect(await exists(t, id)).toBe(false);
      expect(await t.deps.db.selectFrom('grants').select('user_id').where('report_id', '=', id).execute()).toEqual([]);
      expect(await blobIds(t)).toEqual([]);
      expect(await audited(t, 'case.destroy')).toEqual([
        { actor: 'system', subject: `report:${id}`, reason: 'retention' },
      ]);
    }));

  it('waits the full notice after a late reminder before destroying', () =>
    withApp(dialect, async (t, setClock) => {
      const id = await closedCase(t, [t.users.supervisor.id]);
      setClock(ENDS + DAY); // the job did not run before the end
      const first = await runRetention(t.deps);
      expect({ reminded: first.reminded, destroyed: first.destroyed }).toEqual({ reminded: [id], destroyed: [] });
      setClock(ENDS + 15 * DAY - 60_000);
      expect((await runRetention(t.deps)).destroyed).toEqual([]);
      setClock(ENDS + 15 * DAY);
      expect((await runRetention(t.deps)).destroyed).toEqual([id]);
    }));

  it('keeps a case on legal hold past its retention, says so in its log, and destroys it only after a lifted hold and a fresh notice', () =>
    withApp(dialect, async (t, setClock) => {
      const id = await closedCase(t, [t.users.supervisor.id], {
        retention_reminded_at: new Date(ENDS - 14 * DAY).toISOString(),
        legal_hold_at: new Date(T0).toISOString(),
        sealed_legal_hold_reason: Buffer.from('placeholder'),
      });
      setClock(ENDS + DAY);
      const lines: string[] = [];
      const log: JobLog = {
        debug: () => undefined,
        info: (obj, msg) => lines.push(`${msg} ${JSON.stringify(obj)}`),
        warn: (obj, msg) => lines.push(`${msg} ${JSON.stringify(obj)}`),
        error: (obj, msg) => lines.push(`${msg} ${JSON.stringify(obj)}`),
      };
      await retentionJob(t.deps, log).run(new AbortController().signal);
      expect(lines).toEqual([
        `cases past their retention kept: a legal hold stands on each {"held":1,"cases":["${id}"]}`,
      ]);
      expect(await exists(t, id)).toBe(true);

      // Lifting the hold (as the domain does) forgets the reminder: a fresh one, then the notice period.
      await t.deps.db
        .updateTable('reports')
        .set({ legal_hold_at: null, sealed_legal_hold_reason: null, retention_reminded_at: null })
        .where('id', '=', id)
        .execute();
      const next = await runRetention(t.deps);
      expect({ reminded: next.reminded, destroyed: next.destroyed, held: next.held }).toEqual({
        reminded: [id],
        destroyed: [],
        held: [],
      });
      setClock(ENDS + 15 * DAY);
      expect((await runRetention(t.deps)).destroyed).toEqual([id]);
    }));

  it('changes nothing in a dry run, but says what it would do', () =>
    withApp(dialect, async (t, setClock) => {
      const due = await closedCase(t, [t.users.supervisor.id], {
        retention_reminded_at: new Date(ENDS - 14 * DAY).toISOString(),
      });
      const soon = await closedCase(t, [t.users.supervisor.id], {
        retention_ends_at: new Date(ENDS + 10 * DAY).toISOString(),
      });
      const abandoned = await writeBlob(t, 'left behind');
      setClock(ENDS);
      const run = await runRetention(t.deps, { dryRun: true });
      expect(run).toMatchObject({ reminded: [soon], destroyed: [due], abandoned: 1, partials: null, storage: {} });
      expect(await exists(t, due)).toBe(true);
      expect(await blobIds(t)).toEqual([abandoned]);
      expect(await pendingNotices(t.deps)).toEqual([]);
      expect(
        await t.deps.db
          .selectFrom('audit')
          .select('action')
          .where('action', 'in', ['retention.remind', 'case.destroy', 'retention.sweep'])
          .execute(),
      ).toEqual([]);
    }));

  it('removes blobs no file references once older than the grace period, and old partial uploads', () =>
    withApp(dialect, async (t, setClock) => {
      const id = await insertReport(t.deps.db);
      const used = await writeBlob(t, 'referenced');
      await fileRow(t, id, used);
      const orphan = await writeBlob(t, 'upload that never committed');
      const fresh = await writeBlob(t, 'upload whose rows are being written');
      const tmp = path.join(t.dataDir, 'blobs', 'tmp');
      const partial = path.join(tmp, `${t.deps.blobs.newId()}.4242.part`);
      const young = path.join(tmp, `${t.deps.blobs.newId()}.4243.part`);
      fs.writeFileSync(partial, 'half a file');
      fs.writeFileSync(young, 'being written');

      // Aged by the clock: 23 hours on, nothing is old enough yet.
      setClock(Date.now() + 23 * HOUR);
      expect(await runRetention(t.deps)).toMatchObject({ abandoned: 0, partials: 0 });
      expect(await blobIds(t)).toEqual([used, orphan, fresh].sort());

      // Aged by the files' times: 25 hours old.
      setClock(Date.now());
      const old = new Date(Date.now() - 25 * HOUR);
      const blobPath = (b: string) => path.join(t.dataDir, 'blobs', b.slice(0, 2), b.slice(2));
      for (const f of [blobPath(used), blobPath(orphan), partial]) fs.utimesSync(f, old, old);
      expect(await runRetention(t.deps)).toMatchObject({ abandoned: 1, partials: 1 });
      expect(await blobIds(t)).toEqual([used, fresh].sort());
      expect(fs.readdirSync(tmp)).toEqual([path.basename(young)]);
      expect(await audited(t, 'retention.sweep')).toEqual([
        { actor: 'system', subject: null, reason: 'abandoned blobs 1, partial files 1' },
      ]);
    }));
});
