/** Job leases on both databases: one holder at a time, even when nodes race; a dead holder's lease runs out. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { openDatabase, type OpenDatabase } from './database.ts';
import { acquireLease, extendLease } from './leases.ts';

const T0 = new Date('2030-01-07T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(DIALECTS)('job leases on %s', (dialect) => {
  let t: TestApp;
  let other: OpenDatabase;
  beforeAll(async () => {
    t = await buildTestApp({ dialect, roles: [] });
    // A second connection pool stands for a second node.
    other = openDatabase({ url: t.databaseUrl, sqliteFile: path.join(t.dataDir, 'confide.sqlite') });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('is held by one node until it runs out, then taken over', async () => {
    const db = t.deps.db;
    expect(await acquireLease(db, 'a', 'node-1', at(0), at(60_000))).toBe(true);
    expect(await acquireLease(other.db, 'a', 'node-2', at(30_000), at(90_000))).toBe(false);
    expect(await acquireLease(db, 'a', 'node-1', at(30_000), at(90_000))).toBe(true);
    expect(await acquireLease(other.db, 'a', 'node-2', at(89_999), at(150_000))).toBe(false);
    expect(await acquireLease(other.db, 'a', 'node-2', at(90_001), at(150_000))).toBe(true);
    expect(await extendLease(db, 'a', 'node-1', at(200_000))).toBe(false);
    expect(await acquireLease(db, 'a', 'node-1', at(100_000), at(160_000))).toBe(false);
    const row = await db.selectFrom('job_leases').selectAll().where('name', '=', 'a').executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'a', holder: 'node-2', expires_at: at(150_000).toISOString() });
  });

  it('goes to exactly one of many nodes racing for it, fresh or expired', async () => {
    for (const name of ['fresh', 'fresh-then-expired']) {
      if (name !== 'fresh') await acquireLease(t.deps.db, name, 'dead-node', at(0), at(1_000));
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          acquireLease(i % 2 ? other.db : t.deps.db, name, `node-${i}`, at(5_000), at(65_000)),
        ),
      );
      expect([name, results.filter(Boolean).length]).toEqual([name, 1]);
    }
  });
});
