/**
 * Checks the audit log's hash chain: every entry must carry the hash of the one before it and a hash of its own
 * content. Names the first broken link, so an altered, removed or inserted entry is found.
 * @see Directive (EU) 2016/680 Art. 25 (logging); DESIGN.md "Data" (audit: hash of the previous entry)
 */
import { entryHash, GENESIS } from './audit.ts';
import type { Deps } from './deps.ts';

export type AuditCheck =
  | { ok: true; entries: number }
  | {
      ok: false;
      entries: number;
      seq: number;
      problem: 'sequence' | 'previous_hash' | 'content_hash';
      message: string;
    };

/** Reads the log in pages of `pageSize` entries (memory stays flat for a long log). */
export async function verifyAuditChain(deps: Pick<Deps, 'db'>, pageSize = 5000): Promise<AuditCheck> {
  let prev = GENESIS;
  let expected = 1;
  for (;;) {
    const rows = await deps.db
      .selectFrom('audit')
      .selectAll()
      .where('seq', '>=', expected)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const entries = expected - 1;
      if (row.seq !== expected)
        return {
          ok: false,
          entries,
          seq: expected,
          problem: 'sequence',
          message: `entry ${expected} is missing (the next one is ${row.seq})`,
        };
      if (row.prev_hash !== prev)
        return {
          ok: false,
          entries,
          seq: row.seq,
          problem: 'previous_hash',
          message: `entry ${row.seq} does not follow entry ${row.seq - 1}: the previous entry was changed or removed`,
        };
      if (row.hash !== entryHash(prev, row))
        return {
          ok: false,
          entries,
          seq: row.seq,
          problem: 'content_hash',
          message: `entry ${row.seq} was changed after it was written`,
        };
      prev = row.hash;
      expected += 1;
    }
    if (rows.length < pageSize) return { ok: true, entries: expected - 1 };
  }
}
