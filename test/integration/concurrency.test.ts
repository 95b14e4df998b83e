/**
 * Twenty staff actions at once on one case: every one is stored exactly once or refused with a clear conflict —
 * never a 5xx, a lost write or a duplicate — and each stored one has its audit entry, in an unbroken hash chain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash, GENESIS } from '../../src/domain/audit/record.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actor, submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';

describe.each(DIALECTS)('concurrent changes on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(async () => t?.close());

  const auditCount = async (action: string, subject: string) =>
    (
      await t.deps.db
        .selectFrom('audit')
        .select('seq')
        .where('action', '=', action)
        .where('subject', '=', subject)
        .execute()
    ).length;

  it('stores 20 parallel replies, each once, with 20 audit entries', async () => {
    const c = await submitCase(t);
    const sup = await actor(t, 'supervisor');
    const bodies = Array.from({ length: 20 }, (_, i) => `reply ${i}`);
    const results = await Promise.all(
      bodies.map((body) => sup.send('POST', `/api/v1/cases/${c.id}/messages`, { body, visibility: 'reporter' })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const detail = (await sup.get(`/api/v1/cases/${c.id}`)).json() as { messages: { body: string }[] };
    expect(detail.messages.map((m) => m.body).sort()).toEqual([...bodies].sort());
    expect(await auditCount('case.reply', `report:${c.id}`)).toBe(20);
  });

  it('lets one of 20 parallel status changes win and refuses the rest with 409', async () => {
    const c = await submitCase(t);
    const sup = await actor(t, 'supervisor');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => sup.send('POST', `/api/v1/cases/${c.id}/status`, { status: 'acknowledged' })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((s) => s === 200)).toHaveLength(1);
    expect(codes.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(['conflict', 'invalid_transition']).toContain((r.json() as { error: { id: string } }).error.id);
    const events = await t.deps.db
      .selectFrom('case_events')
      .select('id')
      .where('report_id', '=', c.id)
      .where('kind', '=', 'status')
      .execute();
    expect(events).toHaveLength(1);
    expect(await auditCount('case.status', `report:${c.id}`)).toBe(1);
  });

  it('keeps the audit chain unbroken under concurrency', async () => {
    const c = await submitCase(t);
    const sup = await actor(t, 'supervisor');
    const notes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        sup.send('POST', `/api/v1/cases/${c.id}/messages`, { body: `note ${i}`, visibility: 'internal' }),
      ),
    );
    expect(notes.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const rows = await t.deps.db.selectFrom('audit').selectAll().orderBy('seq').execute();
    expect(rows.filter((r) => r.action === 'case.note' && r.subject === `report:${c.id}`)).toHaveLength(10);
    let prev = GENESIS;
    rows.forEach((row, i) => {
      expect(row.seq).toBe(i + 1);
      expect(row.prev_hash).toBe(prev);
      expect(row.hash).toBe(entryHash(prev, row));
      prev = row.hash;
    });
  });
});
