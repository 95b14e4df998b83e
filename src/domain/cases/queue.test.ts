/**
 * The queue gives the same pages whichever side the database reads first (on SQLite, a viewer holding many grants
 * has the reports' index drive the query), in both orders, with filters, across the end of the urgent cases.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DIALECTS } from '../../../test/helpers/db.ts';
import { insertReport } from '../../../test/helpers/report-rows.ts';
import type { Viewer } from '../viewer.ts';
import { listCases, type QueueQuery } from './queue.ts';

describe.each(DIALECTS)('queue on %s', (dialect) => {
  let t: TestApp;
  let viewer: Viewer;
  beforeAll(async () => {
    t = await buildTestApp({ dialect, roles: ['supervisor', 'custodian'] });
    const user = t.users.supervisor;
    viewer = { userId: user.id, role: 'supervisor', publicKey: Buffer.alloc(32), secretKey: Buffer.alloc(32) };
    const statuses = ['received', 'assessing', 'closed'];
    for (let i = 0; i < 40; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const id = await insertReport(t.deps.db, {
        status: statuses[i % 3]!,
        urgent: i % 7 === 0 ? 1 : 0,
        received_at: `2026-02-${day}T0${i % 10}:00:00.000Z`,
        due_at: i % 5 === 0 ? '9999-12-31T23:59:59.999Z' : `2026-03-${day}T00:00:00.000Z`,
      });
      await t.deps.db
        .insertInto('grants')
        .values({
          report_id: id,
          user_id: user.id,
          scope: 'case',
          sealed_key: randomBytes(80),
          granted_by: null,
          created_at: '2026-02-01T00:00:00.000Z',
        })
        .execute();
    }
  });
  afterAll(async () => t?.close());

  async function allPages(q: Omit<QueueQuery, 'cursor' | 'limit'>, fewGrants: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listCases(t.deps, viewer, { ...q, limit: 3, ...(cursor ? { cursor } : {}) }, { fewGrants });
      ids.push(...page.items.map((i) => i.id));
      if (!page.nextCursor) return ids;
      cursor = page.nextCursor;
    }
  }

  it.each([
    { order: 'queue' as const },
    { order: 'newest' as const },
    { order: 'queue' as const, status: 'assessing' as const },
    { order: 'queue' as const, urgent: true },
  ])('pages %o alike from grants and from reports', async (q) => {
    const fromGrants = await allPages(q, 1_000_000_000);
    const fromReports = await allPages(q, 1);
    expect(fromReports).toEqual(fromGrants);
    const whole = await listCases(t.deps, viewer, { ...q, limit: 200 }, { fewGrants: 1 });
    expect(fromGrants).toEqual(whole.items.map((i) => i.id));
    expect(new Set(fromGrants).size).toBe(fromGrants.length);
    expect(fromGrants.length).toBeGreaterThan(0);
  });
});
