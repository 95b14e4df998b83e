import { describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DIALECTS } from '../../../test/helpers/db.ts';
import { entryHash, GENESIS } from './record.ts';
import { verifyAuditChain, verifyAuditExport } from './verify.ts';

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
      const last = await t.deps.db
        .selectFrom('audit')
        .select(['seq', 'hash'])
        .where('seq', '=', 6)
        .executeTakeFirstOrThrow();
      expect(await verifyAuditChain(t.deps, 4)).toEqual({ ok: true, entries: 6, head: last });
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

/** `n` chained entries from `first` on, as export lines, the first following `prev`. */
function exportLines(first: number, n: number, prev = GENESIS): string[] {
  const lines: string[] = [];
  for (let seq = first; seq < first + n; seq++) {
    const row = {
      seq,
      at: `2026-03-03T09:00:0${seq % 10}.000Z`,
      actor: 'u-1',
      action: 'case.read',
      subject: 'report:r',
      reason: null,
    };
    const hash = entryHash(prev, row);
    lines.push(JSON.stringify({ ...row, prev_hash: prev, hash }));
    prev = hash;
  }
  return lines;
}

describe('an export of the log, checked offline', () => {
  it('is whole from the start of the log, or from the middle, following its first previous hash', async () => {
    const lines = exportLines(1, 3);
    expect(await verifyAuditExport([...lines, ''])).toEqual({
      ok: true,
      entries: 3,
      first: 1,
      last: 3,
      startsAfter: GENESIS,
      lastHash: (JSON.parse(lines[2]!) as { hash: string }).hash,
      watchedHash: null,
    });
    const middle = exportLines(40, 2, 'a'.repeat(64));
    expect(await verifyAuditExport(middle)).toEqual({
      ok: true,
      entries: 2,
      first: 40,
      last: 41,
      startsAfter: 'a'.repeat(64),
      lastHash: (JSON.parse(middle[1]!) as { hash: string }).hash,
      watchedHash: null,
    });
    expect(await verifyAuditExport([])).toEqual({
      ok: true,
      entries: 0,
      first: null,
      last: null,
      startsAfter: null,
      lastHash: null,
      watchedHash: null,
    });
    expect(await verifyAuditExport(lines, 2)).toMatchObject({
      watchedHash: (JSON.parse(lines[1]!) as { hash: string }).hash,
    });
  });

  it('refuses an export that claims to start the log but follows something else', async () => {
    expect(await verifyAuditExport(exportLines(1, 2, 'b'.repeat(64)))).toMatchObject({
      ok: false,
      line: 1,
      seq: 1,
      problem: 'previous_hash',
    });
  });

  it('names the line that is not an entry, was changed, or follows a removed one', async () => {
    const lines = exportLines(1, 4);
    expect(await verifyAuditExport([lines[0]!, '{"seq": 2}', lines[2]!])).toEqual({
      ok: false,
      entries: 1,
      line: 2,
      seq: null,
      problem: 'format',
      message: 'line 2: it is not an audit entry (seq, at, actor, action, subject, reason, prev_hash, hash)',
    });
    expect(await verifyAuditExport([lines[0]!, 'not json'])).toMatchObject({ ok: false, line: 2, problem: 'format' });
    const changed = [...lines];
    changed[2] = changed[2]!.replace('case.read', 'case.note');
    expect(await verifyAuditExport(changed)).toEqual({
      ok: false,
      entries: 2,
      line: 3,
      seq: 3,
      problem: 'content_hash',
      message: 'line 3: entry 3 was changed after it was written',
    });
    expect(await verifyAuditExport([lines[0]!, lines[2]!])).toMatchObject({
      ok: false,
      entries: 1,
      line: 2,
      seq: 2,
      problem: 'sequence',
    });
  });
});
