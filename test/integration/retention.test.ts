/**
 * Retention through the API on both databases: closing a case starts its retention clock, a legal hold set by a
 * manager stops destruction, early deletion needs an approved request, and — the proof of crypto-shredding —
 * after destruction no byte of the case remains in the database (SQLite files; a pg_dump, and on PostgreSQL the
 * raw data files after VACUUM FULL) or in the file store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { scrubStorage } from '../../src/domain/retention/destroy.ts';
import { countAttempt } from '../../src/domain/throttle.ts';
import { runRetention } from '../../src/jobs/retention.ts';
import type { RetentionView } from '../../src/shared/retention.ts';
import { buildTestApp, uploadBlobIds, type TestApp } from '../helpers/app.ts';
import { actor, errorId, errorMessage, submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { filesUnder, storedBytes, submitMarkedReport } from '../helpers/marker-scan.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';
import { addStaff } from '../helpers/staff-work.ts';

const DAY = 86_400_000;
/** policy.retentionDays of the espionage category (profiles/national-security). */
const RETENTION_DAYS = 1095;

interface Clock {
  set(ms: number): void;
  ms(): number;
}

async function withApp(dialect: TestApp['dialect'], fn: (t: TestApp, clock: Clock) => Promise<void>) {
  let now = new Date();
  const t = await buildTestApp({ dialect, now: () => now });
  try {
    await addStaff(t.deps, 'sup2', 'supervisor');
    await fn(t, { set: (ms) => (now = new Date(ms)), ms: () => now.getTime() });
  } finally {
    await t.close();
  }
}

const retention = async (t: TestApp, username: string, id: string) => {
  const res = await (await actor(t, username)).get(`/api/v1/cases/${id}/retention`);
  expect(res.statusCode).toBe(200);
  return res.json() as RetentionView;
};

async function close(t: TestApp, id: string) {
  const res = await (
    await actor(t, 'supervisor')
  ).send('POST', `/api/v1/cases/${id}/status`, { status: 'closed', outcome: 'unsubstantiated' });
  expect(res.statusCode).toBe(200);
}

async function grant(t: TestApp, id: string, username: 'handler') {
  const res = await (
    await actor(t, 'supervisor')
  ).send('POST', `/api/v1/cases/${id}/grants`, { userId: t.users[username].id });
  expect(res.statusCode).toBe(201);
}

/** Runs the retention job at the reminder, then at the end of retention (+ `after` ms). */
async function runToDestruction(t: TestApp, clock: Clock, endsAt: string) {
  clock.set(Date.parse(endsAt) - 14 * DAY);
  await runRetention(t.deps);
  clock.set(Date.parse(endsAt));
  return runRetention(t.deps);
}

const auditRows = (t: TestApp, action: string) =>
  t.deps.db.selectFrom('audit').select(['actor', 'subject', 'reason']).where('action', '=', action).execute();

describe.each(DIALECTS)('retention on %s', (dialect) => {
  it('starts the retention clock when a case is closed and stops it when it is reopened', () =>
    withApp(dialect, async (t, clock) => {
      clock.set(Date.parse('2026-01-05T10:00:00.000Z'));
      const { id, receipt } = await submitCase(t);
      await grant(t, id, 'handler');
      expect(await retention(t, 'supervisor', id)).toEqual({
        status: 'received',
        retentionDays: RETENTION_DAYS,
        retentionEndsAt: null,
        remindedAt: null,
        destroyAfter: null,
        legalHold: null,
        canManageLegalHold: true,
        approvedDeletionRequestId: null,
      });
      await close(t, id);
      const ends = new Date(clock.ms() + RETENTION_DAYS * DAY).toISOString();
      expect(await retention(t, 'supervisor', id)).toMatchObject({
        status: 'closed',
        retentionEndsAt: ends,
        destroyAfter: ends,
      });
      expect(ends).toBe('2029-01-04T10:00:00.000Z');
      expect(await retention(t, 'handler', id)).toMatchObject({ retentionEndsAt: ends, canManageLegalHold: false });
      // The reporter is told when the report, and with it their receipt, goes.
      const signedIn = await t.app.inject({
        method: 'POST',
        url: '/follow-up',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ receipt }).toString(),
      });
      const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
      const page = await t.app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie } });
      expect(page.body).toContain(
        '<p>This report is kept until January 4, 2029 and then deleted with everything in it. Your receipt stops working then.</p>',
      );
      expect((await (await actor(t, 'administrator')).get(`/api/v1/cases/${id}/retention`)).statusCode).toBe(404);
      expect((await (await actor(t, 'sup2')).get(`/api/v1/cases/${randomUUIDv4()}/retention`)).statusCode).toBe(404);

      const reopened = await (
        await actor(t, 'supervisor')
      ).send('POST', `/api/v1/cases/${id}/status`, { status: 'assessing', reason: 'The reporter sent new evidence' });
      expect(reopened.statusCode).toBe(200);
      expect(await retention(t, 'supervisor', id)).toMatchObject({
        status: 'assessing',
        retentionEndsAt: null,
        destroyAfter: null,
      });
    }));

  it('lets a manager holding the case set and lift a legal hold, which stops destruction', () =>
    withApp(dialect, async (t, clock) => {
      const { id } = await submitCase(t);
      await grant(t, id, 'handler');
      const sup = await actor(t, 'supervisor');
      const reason = 'Court order 2026/114: preserve every record of this matter';
      expect(errorId(await sup.send('DELETE', `/api/v1/cases/${id}/legal-hold`, { reason: 'none' }))).toBe('not_held');
      const byHandler = await (await actor(t, 'handler')).send('POST', `/api/v1/cases/${id}/legal-hold`, { reason });
      expect([byHandler.statusCode, errorId(byHandler)]).toEqual([403, 'not_manager']);
      const blank = await sup.send('POST', `/api/v1/cases/${id}/legal-hold`, { reason: '   ' });
      expect([blank.statusCode, (blank.json() as { error: { details: unknown } }).error.details]).toEqual([
        422,
        { reason: 'Please give the reason for the legal hold.' },
      ]);
      const set = await sup.send('POST', `/api/v1/cases/${id}/legal-hold`, { reason });
      expect(set.statusCode).toBe(200);
      expect((set.json() as RetentionView).legalHold).toEqual({ since: new Date(clock.ms()).toISOString(), reason });
      expect(errorId(await sup.send('POST', `/api/v1/cases/${id}/legal-hold`, { reason }))).toBe('already_held');
      expect(await retention(t, 'handler', id)).toMatchObject({ legalHold: { reason } });

      const detail = (await sup.get(`/api/v1/cases/${id}`)).json() as { events: { kind: string; reason: string }[] };
      expect(detail.events.filter((e) => e.kind === 'legal_hold')).toMatchObject([
        { summary: 'Legal hold set: the case is kept until it is lifted', reason },
      ]);
      expect(await auditRows(t, 'case.legal_hold')).toEqual([
        { actor: t.users.supervisor.id, subject: `report:${id}`, reason: null },
      ]);
      const stored = await t.deps.db
        .selectFrom('reports')
        .select('sealed_legal_hold_reason')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(stored.sealed_legal_hold_reason!.includes(Buffer.from('Court order'))).toBe(false);

      await close(t, id);
      const ends = (await retention(t, 'supervisor', id)).retentionEndsAt!;
      expect(await retention(t, 'supervisor', id)).toMatchObject({ destroyAfter: null });
      const held = await runToDestruction(t, clock, ends);
      expect({ reminded: held.reminded, destroyed: held.destroyed, held: held.held }).toEqual({
        reminded: [],
        destroyed: [],
        held: [id],
      });

      const lift = await (
        await actor(t, 'supervisor')
      ).send('DELETE', `/api/v1/cases/${id}/legal-hold`, { reason: 'The court lifted its order' });
      expect(lift.statusCode).toBe(200);
      expect(lift.json()).toMatchObject({
        legalHold: null,
        destroyAfter: new Date(clock.ms() + 14 * DAY).toISOString(),
      });
      expect(await auditRows(t, 'case.legal_hold_lift')).toEqual([
        { actor: t.users.supervisor.id, subject: `report:${id}`, reason: null },
      ]);
      expect((await runRetention(t.deps)).reminded).toEqual([id]);
      clock.set(clock.ms() + 14 * DAY);
      expect((await runRetention(t.deps)).destroyed).toEqual([id]);
      expect((await (await actor(t, 'supervisor')).get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    }));

  it('deletes a case early only under an approved request, never while on legal hold', () =>
    withApp(dialect, async (t) => {
      const body = await multipart(
        reportParts({
          category: 'espionage',
          answers: { what_happened: 'A drone films the harbour every night.', danger: 'no' },
          files: [{ filename: 'note.txt', data: Buffer.from('seen at 2 am\n'), type: 'text/plain' }],
        }),
      );
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body })).statusCode).toBe(201);
      const target = (await t.deps.db.selectFrom('reports').select('id').executeTakeFirstOrThrow()).id;
      const id = await secondCase(t, target); // a second case, which stays
      await grant(t, target, 'handler');
      await close(t, target); // only a closed case can be deleted early (see the next test)
      const handler = await actor(t, 'handler');
      const sup = await actor(t, 'supervisor');

      expect(errorId(await handler.send('DELETE', `/api/v1/cases/${target}`))).toBe('approval_required');
      const asked = await handler.send('POST', '/api/v1/requests', {
        caseId: target,
        kind: 'early_deletion',
        reason: 'Outside our remit; the personal data in it must not be kept',
        legalBasis: 'EU 2019/1937 Art. 17',
      });
      expect(asked.statusCode).toBe(201);
      const requestId = (asked.json() as { id: string }).id;
      const pending = await handler.send('DELETE', `/api/v1/cases/${target}?requestId=${requestId}`);
      expect([pending.statusCode, errorId(pending)]).toEqual([409, 'approval_required']);
      const decided = await (
        await actor(t, 'sup2')
      ).send('POST', `/api/v1/requests/${requestId}/decision`, { decision: 'approve' });
      expect(decided.json()).toEqual({ status: 'approved' });
      expect(await retention(t, 'handler', target)).toMatchObject({ approvedDeletionRequestId: requestId });
      expect(await retention(t, 'supervisor', target)).toMatchObject({ approvedDeletionRequestId: null });

      await sup.send('POST', `/api/v1/cases/${target}/legal-hold`, { reason: 'Internal inquiry' });
      const onHold = await handler.send('DELETE', `/api/v1/cases/${target}?requestId=${requestId}`);
      expect([onHold.statusCode, errorId(onHold)]).toEqual([409, 'legal_hold']);
      expect(await retention(t, 'handler', target)).toMatchObject({ approvedDeletionRequestId: requestId });
      await sup.send('DELETE', `/api/v1/cases/${target}/legal-hold`, { reason: 'Inquiry closed' });
      expect(errorId(await sup.send('DELETE', `/api/v1/cases/${target}?requestId=${requestId}`))).toBe(
        'approval_required',
      );

      // The note's original and its cleaned copy; the second case has no file.
      expect(await uploadBlobIds(t.deps)).toHaveLength(2);
      const deleted = await handler.send('DELETE', `/api/v1/cases/${target}?requestId=${requestId}`);
      expect(deleted.statusCode).toBe(204);
      expect((await sup.get(`/api/v1/cases/${target}`)).statusCode).toBe(404);
      expect((await sup.get(`/api/v1/cases/${id}`)).statusCode).toBe(200);
      expect(await uploadBlobIds(t.deps)).toEqual([]);
      expect(await auditRows(t, 'case.destroy')).toEqual([
        { actor: t.users.handler.id, subject: `report:${target}`, reason: `early_deletion request:${requestId}` },
      ]);
      expect(await auditRows(t, 'request.use')).toEqual([
        { actor: t.users.handler.id, subject: `report:${target}`, reason: `request:${requestId} early_deletion` },
      ]);
    }));

  it('refuses early deletion of a case still open or with an unanswered protection request, keeping the approval', () =>
    withApp(dialect, async (t) => {
      const c = await submitCase(t);
      await grant(t, c.id, 'handler');
      const handler = await actor(t, 'handler');
      const asked = await handler.send('POST', '/api/v1/requests', {
        caseId: c.id,
        kind: 'early_deletion',
        reason: 'Outside our remit',
        legalBasis: 'EU 2019/1937 Art. 17',
      });
      const requestId = (asked.json() as { id: string }).id;
      expect(
        (
          await (await actor(t, 'sup2')).send('POST', `/api/v1/requests/${requestId}/decision`, { decision: 'approve' })
        ).json(),
      ).toEqual({ status: 'approved' });
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/reporter/session',
        payload: { receipt: c.receipt },
      });
      const protection = await t.app.inject({
        method: 'POST',
        url: '/api/v1/reporter/protection',
        headers: {
          cookie: login.cookies.map((k) => `${k.name}=${k.value}`).join('; '),
          'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken,
        },
        payload: { account: 'A car waits outside my house.' },
      });
      expect(protection.statusCode).toBe(201);
      const protectionId = (protection.json() as { id: string }).id;

      const open = await handler.send('DELETE', `/api/v1/cases/${c.id}?requestId=${requestId}`);
      expect([open.statusCode, errorId(open), errorMessage(open)]).toEqual([
        409,
        'case_not_closed',
        'Only a closed case can be deleted before its retention ends. Finish the case and close it with an outcome first (a complaint about an official also needs its outcome notice to the complainant).',
      ]);
      await close(t, c.id);
      const unanswered = await handler.send('DELETE', `/api/v1/cases/${c.id}?requestId=${requestId}`);
      expect([unanswered.statusCode, errorId(unanswered), errorMessage(unanswered)]).toEqual([
        409,
        'protection_pending',
        'The reporter’s request for protection on this case has not been answered. Record the response to it first; then the case can be deleted.',
      ]);
      expect(await auditRows(t, 'case.destroy')).toEqual([]);
      expect(await auditRows(t, 'request.use')).toEqual([]);

      const answered = await handler.send('POST', `/api/v1/cases/${c.id}/protection/${protectionId}/response`, {
        outcome: 'advice_given',
        note: 'Advice sent by message.',
      });
      expect(answered.statusCode).toBe(200);
      expect((await handler.send('DELETE', `/api/v1/cases/${c.id}?requestId=${requestId}`)).statusCode).toBe(204);
      expect(await auditRows(t, 'case.destroy')).toEqual([
        { actor: t.users.handler.id, subject: `report:${c.id}`, reason: `early_deletion request:${requestId}` },
      ]);
    }));

  it('leaves no byte of a destroyed case in the database or the file store', () =>
    withApp(dialect, async (t, clock) => {
      const marker = `MRK${randomBytes(8).toString('hex')}`;
      await submitMarkedReport(t, marker, Buffer.concat([randomBytes(3000), Buffer.from(marker)]));
      const id = (await t.deps.db.selectFrom('reports').select('id').executeTakeFirstOrThrow()).id;
      // A second case that stays: the scan must find its bytes (the scan can see).
      const kept = await secondCase(t, id);

      const sup = await actor(t, 'supervisor');
      for (const visibility of ['reporter', 'internal'])
        expect(
          (await sup.send('POST', `/api/v1/cases/${id}/messages`, { body: `${visibility} ${marker}`, visibility }))
            .statusCode,
        ).toBe(201);
      expect((await sup.send('PUT', `/api/v1/cases/${id}/labels`, { labels: ['harbour'] })).statusCode).toBe(200);
      await grant(t, id, 'handler');
      const asked = await (
        await actor(t, 'handler')
      ).send('POST', '/api/v1/requests', {
        caseId: id,
        kind: 'early_deletion',
        reason: `reason ${marker}`,
        legalBasis: 'EU 2019/1937 Art. 17',
      });
      expect(asked.statusCode).toBe(201);
      await sup.send('POST', `/api/v1/cases/${id}/legal-hold`, { reason: `hold ${marker}` });
      await sup.send('DELETE', `/api/v1/cases/${id}/legal-hold`, { reason: `lift ${marker}` });
      const report = await t.deps.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await countAttempt(t.deps, `receipt:${report.receipt_locator}`, { limit: 5, windowMs: 60_000 });
      await close(t, id);

      const needles = await caseNeedles(t, id);
      const controls = await caseNeedles(t, kept);
      expect(needles.length).toBeGreaterThan(40);

      const ends = (await retention(t, 'supervisor', id)).retentionEndsAt!;
      const blobs = (await t.deps.db.selectFrom('files').selectAll().where('report_id', '=', id).execute()).flatMap(
        (f) => [f.original_blob, f.cleaned_blob].filter(Boolean),
      );
      expect(blobs).toHaveLength(3); // the text file, original and cleaned; the other file's original
      const run = await runToDestruction(t, clock, ends);
      expect(run.destroyed).toEqual([id]);
      expect(run.blobs).toEqual({ deleted: 3, failed: 0 });
      expect(await t.deps.db.selectFrom('throttle').selectAll().execute()).toEqual([]);

      const haystacks = storedBytes(t);
      if (dialect === 'sqlite')
        expect(filesUnder(t.dataDir).filter((f) => /confide\.sqlite(-wal)?$/.test(f))).toHaveLength(2);
      expect(haystacks.reduce((n, b) => n + b.length, 0)).toBeGreaterThan(50_000);
      expect(found(controls, haystacks)).toBe(controls.length);
      expect(found(needles, haystacks)).toBe(0);
      if (dialect === 'sqlite') expect(fs.statSync(path.join(t.dataDir, 'confide.sqlite-wal')).size).toBe(0); // checkpointed, truncated
      expect(await rowsNaming(t, id)).toEqual([]);
      const audit = await t.deps.db
        .selectFrom('audit')
        .select(['subject', 'reason'])
        .where((eb) => eb.or([eb('subject', 'like', `%${id}%`), eb('reason', 'like', `%${id}%`)]))
        .execute();
      expect(audit.length).toBeGreaterThan(5);
      expect(audit.every((a) => a.subject === `report:${id}` && !a.reason?.includes(id))).toBe(true);

      if (dialect === 'postgres') {
        // The live data files themselves, after VACUUM FULL (npx confide retention run --vacuum-full).
        await scrubStorage(t.deps, { vacuum: 'full' });
        const files = await pgDataFiles(t);
        expect(found(controls, files)).toBe(controls.length);
        expect(found(needles, files)).toBe(0);
      }
    }));
});

/** Submits another report. @returns its id (submitCase's "newest" cannot tell two cases received at one instant) */
async function secondCase(t: TestApp, first: string): Promise<string> {
  await submitCase(t);
  return (await t.deps.db.selectFrom('reports').select('id').where('id', '!=', first).executeTakeFirstOrThrow()).id;
}

function randomUUIDv4(): string {
  return crypto.randomUUID();
}

/**
 * Distinctive bytes of a case as stored: 24-byte pieces (start and middle) of every sealed column and key of its
 * rows, of its file blobs, and its reference and receipt locator — each piece in its forms: raw, and as hex (how
 * pg_dump writes bytea).
 */
async function caseNeedles(t: TestApp, id: string): Promise<Buffer[][]> {
  const db = t.deps.db;
  const r = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const values: Buffer[] = [
    r.sealed_answers,
    r.sealed_identity,
    r.reporter_wrapped_key,
    r.receipt_verifier,
    r.receipt_salt,
    r.evidence_public_key,
    Buffer.from(r.reference),
    Buffer.from(r.receipt_locator),
  ];
  const files = await db.selectFrom('files').selectAll().where('report_id', '=', id).execute();
  for (const f of files) {
    values.push(f.sealed_meta, f.sealed_original_key, f.sealed_original_meta);
    for (const blob of [f.original_blob, f.cleaned_blob])
      if (blob) values.push(fs.readFileSync(path.join(t.dataDir, 'blobs', blob.slice(0, 2), blob.slice(2))));
  }
  for (const m of await db.selectFrom('messages').select('sealed_body').where('report_id', '=', id).execute())
    values.push(m.sealed_body);
  for (const g of await db.selectFrom('grants').select('sealed_key').where('report_id', '=', id).execute())
    values.push(g.sealed_key);
  for (const e of await db.selectFrom('case_events').select('sealed_reason').where('report_id', '=', id).execute())
    if (e.sealed_reason) values.push(e.sealed_reason);
  for (const q of await db
    .selectFrom('requests')
    .select(['id', 'sealed_details'])
    .where('report_id', '=', id)
    .execute()) {
    values.push(q.sealed_details);
    for (const k of await db.selectFrom('request_keys').select('sealed_key').where('request_id', '=', q.id).execute())
      values.push(k.sealed_key);
  }
  for (const s of await db.selectFrom('sessions').select('sealed_key').where('report_id', '=', id).execute())
    values.push(s.sealed_key);
  return values.flatMap((v) => {
    const pieces = v.length <= 24 ? [v] : [v.subarray(0, 24), v.subarray(v.length >> 1, (v.length >> 1) + 24)];
    return pieces.map((p) => [Buffer.from(p), Buffer.from(p.toString('hex'))]);
  });
}

/** The relation files of the test database (tables, TOAST, indexes), read by the server (CHECKPOINT and pg_read_binary_file need a superuser). */
async function pgDataFiles(t: TestApp): Promise<Buffer[]> {
  await sql`checkpoint`.execute(t.deps.db); // write changed pages from shared buffers to the files
  const { rows } = await sql<{ file: Buffer }>`
    select pg_read_binary_file(pg_relation_filepath(c.oid)) as file
    from pg_class c
    where c.relkind in ('r', 't', 'i') and pg_relation_filepath(c.oid) is not null
      and c.relnamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
  `.execute(t.deps.db);
  return rows.map((r) => r.file);
}

/** How many pieces are found, in any of their forms, in any haystack. */
const found = (pieces: Buffer[][], haystacks: Buffer[]) =>
  pieces.filter((forms) => forms.some((n) => haystacks.some((h) => h.includes(n)))).length;

/** Rows of any table (but the audit log) with a text column naming the case id, as `table: row`. */
async function rowsNaming(t: TestApp, id: string): Promise<string[]> {
  const tables =
    t.dialect === 'postgres'
      ? await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(t.deps.db)
      : await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.deps.db);
  const hits: string[] = [];
  for (const { name } of tables.rows) {
    if (name === 'audit') continue;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.deps.db);
    for (const row of rows)
      if (Object.values(row).some((v) => typeof v === 'string' && v.includes(id)))
        hits.push(`${name}: ${JSON.stringify(row)}`);
  }
  return hits;
}
