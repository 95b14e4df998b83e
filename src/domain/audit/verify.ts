/**
 * Checks the audit log's hash chain: every entry must carry the hash of the one before it and a hash of its own
 * content. Names the first broken link, so an altered, removed or inserted entry is found. The same check runs over
 * the database and, offline, over an export (NDJSON, one entry per line, see read.ts).
 * @see Directive (EU) 2016/680 Art. 25 (logging); DESIGN.md "Data" (audit: hash of the previous entry)
 */
import { findAuditEntryHash, listAuditChain } from '../../store/audit.ts';
import { entryHash, GENESIS } from './record.ts';
import type { Deps } from '../deps.ts';

type Problem = 'sequence' | 'previous_hash' | 'content_hash';

/** The newest entry of a log: what to write down elsewhere, so that removing the newest entries shows. */
export interface AuditHead {
  seq: number;
  hash: string;
}

export type AuditCheck =
  | {
      ok: true;
      entries: number;
      /** The last entry; null for an empty log. */
      head: AuditHead | null;
    }
  | {
      ok: false;
      entries: number;
      seq: number;
      problem: Problem;
      message: string;
    };

interface ChainRow {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  subject: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

/** What is wrong with `row` as the entry after `prev` (hash) that should carry sequence number `expected`. */
function linkProblem(
  row: ChainRow,
  expected: number,
  prev: string,
): { seq: number; problem: Problem; message: string } | null {
  if (row.seq !== expected)
    return { seq: expected, problem: 'sequence', message: `entry ${expected} is missing (the next one is ${row.seq})` };
  if (row.prev_hash !== prev)
    return {
      seq: row.seq,
      problem: 'previous_hash',
      message: `entry ${row.seq} does not follow entry ${row.seq - 1}: the previous entry was changed or removed`,
    };
  if (row.hash !== entryHash(prev, row))
    return { seq: row.seq, problem: 'content_hash', message: `entry ${row.seq} was changed after it was written` };
  return null;
}

/**
 * Reads the log in pages of `pageSize` entries (memory stays flat for a long log). The chain alone cannot show that
 * the newest entries were removed (what is left is still whole): compare `head` with one written down earlier,
 * see `compareHead`.
 */
export async function verifyAuditChain(deps: Pick<Deps, 'db'>, pageSize = 5000): Promise<AuditCheck> {
  let prev = GENESIS;
  let expected = 1;
  for (;;) {
    const rows = await listAuditChain(deps.db, expected, pageSize);
    for (const row of rows) {
      const broken = linkProblem(row, expected, prev);
      if (broken) return { ok: false, entries: expected - 1, ...broken };
      prev = row.hash;
      expected += 1;
    }
    if (rows.length < pageSize)
      return { ok: true, entries: expected - 1, head: expected > 1 ? { seq: expected - 1, hash: prev } : null };
  }
}

/**
 * Compares a whole log with a head written down earlier (`SEQ:HASH`, as `npx confide audit verify` prints it).
 * @param head the log's head now (from a whole `verifyAuditChain`)
 * @returns null when entry `expected.seq` still has that hash (the entries after it are linked to it by the chain),
 *   otherwise what is wrong, in words
 */
export async function compareHead(
  deps: Pick<Deps, 'db'>,
  head: AuditHead | null,
  expected: AuditHead,
): Promise<string | null> {
  if (!head || head.seq < expected.seq)
    return `the log ends at entry ${head?.seq ?? 0}, but entry ${expected.seq} was written down: the newest entries, from ${(head?.seq ?? 0) + 1} on, were removed`;
  const row = await findAuditEntryHash(deps.db, expected.seq);
  if (row?.hash.toLowerCase() !== expected.hash.toLowerCase())
    return `entry ${expected.seq} no longer has the hash written down (it has ${row?.hash ?? 'none'}): the log was rewritten from that entry on, or before it`;
  return null;
}

export type ExportCheck =
  | {
      ok: true;
      entries: number;
      /** First and last sequence numbers; null for an empty export. */
      first: number | null;
      last: number | null;
      /** The hash the first entry says came before it: GENESIS when the export starts the log. */
      startsAfter: string | null;
      /** The hash of the last entry; null for an empty export. */
      lastHash: string | null;
      /** The hash of entry `watch` when asked for and the export holds it, else null. */
      watchedHash: string | null;
    }
  | {
      ok: false;
      /** Entries found whole before the broken one. */
      entries: number;
      /** 1-based line of the file. */
      line: number;
      seq: number | null;
      problem: Problem | 'format';
      message: string;
    };

const HASH = /^[0-9a-f]{64}$/;

function parseLine(text: string): ChainRow | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // not JSON: reported as a format problem by the caller, naming the line
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const textOrNull = (x: unknown) => x === null || typeof x === 'string';
  if (
    !Number.isSafeInteger(v.seq) ||
    (v.seq as number) < 1 ||
    typeof v.at !== 'string' ||
    !textOrNull(v.actor) ||
    typeof v.action !== 'string' ||
    !textOrNull(v.subject) ||
    !textOrNull(v.reason) ||
    typeof v.prev_hash !== 'string' ||
    !HASH.test(v.prev_hash) ||
    typeof v.hash !== 'string' ||
    !HASH.test(v.hash)
  )
    return null;
  return v as unknown as ChainRow;
}

/**
 * Checks an export of the log (one JSON entry per line, oldest first), offline. An export of a range starts from
 * its first entry's `prev_hash`, which only the log (or an earlier export) can confirm; an export that starts at
 * entry 1 must start from GENESIS. Blank lines are ignored.
 * @param lines the file's lines, without their line breaks
 * @param watch a sequence number whose hash to report (a head written down earlier)
 */
export async function verifyAuditExport(
  lines: AsyncIterable<string> | Iterable<string>,
  watch?: number,
): Promise<ExportCheck> {
  let watchedHash: string | null = null;
  let prev: string | null = null;
  let startsAfter: string | null = null;
  let expected = 0;
  let first: number | null = null;
  let entries = 0;
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    const row = parseLine(text);
    if (!row)
      return {
        ok: false,
        entries,
        line,
        seq: null,
        problem: 'format',
        message: `line ${line}: it is not an audit entry (seq, at, actor, action, subject, reason, prev_hash, hash)`,
      };
    if (prev === null) {
      first = expected = row.seq;
      prev = startsAfter = row.seq === 1 ? GENESIS : row.prev_hash;
    }
    const broken = linkProblem(row, expected, prev);
    if (broken) return { ok: false, entries, line, ...broken, message: `line ${line}: ${broken.message}` };
    prev = row.hash;
    if (row.seq === watch) watchedHash = row.hash;
    expected += 1;
    entries += 1;
  }
  return {
    ok: true,
    entries,
    first,
    last: first === null ? null : expected - 1,
    startsAfter,
    lastHash: prev,
    watchedHash,
  };
}
