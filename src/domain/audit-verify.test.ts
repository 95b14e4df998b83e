import { describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { verifyAuditChain } from './audit-verify.ts';

/** A fresh app whose log holds six entries (creating the six users). */
async function withLog(dialect: (typeof DIALECTS)[number], fn: (t: TestApp) => Promise<void>): Promise<void> {
  const t = await buildTestApp({ dialect });
  try {
    await fn(t);
  } finally {
    await t.close();
  }
}

describe.each(DIALECTS)('audit chain on %s', (dialect) => {
  it('finds a whole chain whole, reading it in pages', () =>
    withLog(dialect, async (t) => {
      expect(await verifyAuditChain(t.deps, 4)).toEqual({ ok: true, entries: 6 });
    }));

  it('names the first entry whose content was changed', () =>
    withLog(dialect, async (t) => {
      await t.deps.db.updateTable('audit').set({ action: 'user.tampered' }).where('seq', '=', 3).execute();
      expect(await verifyAuditChain(t.deps, 4)).toEqual({
        ok: false,
        entries: 2,
        seq: 3,
        problem: 'content_hash',
        message: 'entry 3 was changed after it was written',
      });
    }));

  it('names a removed entry, and an entry that no longer follows the one before', () =>
    withLog(dialect, async (t) => {
      await t.deps.db.deleteFrom('audit').where('seq', '=', 5).execute();
      expect(await verifyAuditChain(t.deps)).toEqual({
        ok: false,
        entries: 4,
        seq: 5,
        problem: 'sequence',
        message: 'entry 5 is missing (the next one is 6)',
      });
      await t.deps.db.updateTable('audit').set({ seq: 5 }).where('seq', '=', 6).execute();
      expect(await verifyAuditChain(t.deps)).toMatchObject({ ok: false, entries: 4, seq: 5, problem: 'previous_hash' });
    }));
});
