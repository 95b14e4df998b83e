/**
 * Oversight officers export the audit log — the raw chain of a date range as NDJSON, oldest first, so that
 * `npx confide audit verify --file` can check it offline — and check the chain on the server. Both are themselves
 * audited (`audit.export`, `audit.verify`).
 * @see Directive (EU) 2016/680 Art. 25 (logs made available to the supervisory authority); REQUIREMENTS #28
 */
import type { AuditVerifyResult } from '../../shared/audit.ts';
import { listAuditChain } from '../../store/audit.ts';
import { inTransaction } from '../../store/transaction.ts';
import { audit } from './record.ts';
import { seqRange } from './read.ts';
import { verifyAuditChain } from './verify.ts';
import type { Viewer } from '../viewer.ts';
import type { Deps } from '../deps.ts';

type ExportDeps = Pick<Deps, 'db' | 'dialect' | 'now'>;

export interface AuditExport {
  /** `confide-audit-<first>-<last>.ndjson`, or `confide-audit-empty.ndjson`. */
  fileName: string;
  /**
   * The file's text in chunks of whole lines: one JSON object per line, oldest first, each line ending in `\n`,
   * with seq, at, actor, action, subject, reason, prev_hash, hash.
   */
  chunks: AsyncIterable<string>;
}

/** Rows read per query while streaming an export. */
const EXPORT_PAGE = 1000;

/**
 * The entries of a date range (all of them without one) as NDJSON, read in pages so memory stays flat. Audited as
 * `audit.export` before reading, so an export that reaches today contains its own entry. The range is fixed when
 * the export starts: entries written while it streams are left for the next export.
 * @throws invalid_date | invalid_range (400)
 */
export async function exportAudit(
  deps: ExportDeps,
  viewer: Pick<Viewer, 'userId'>,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<AuditExport> {
  await seqRange(deps, range); // validates the dates before anything is recorded
  await inTransaction(deps.db, (trx) =>
    audit(deps, trx, {
      actor: viewer.userId,
      action: 'audit.export',
      reason: `${range.from ?? 'start'}..${range.to ?? 'now'}`,
    }),
  );
  const seqs = await seqRange(deps, range);
  return {
    fileName: seqs ? `confide-audit-${seqs.min}-${seqs.max}.ndjson` : 'confide-audit-empty.ndjson',
    chunks: seqs ? exportChunks(deps, seqs) : noChunks(),
  };
}

async function* noChunks(): AsyncGenerator<string> {}

async function* exportChunks(deps: Pick<Deps, 'db'>, seqs: { min: number; max: number }): AsyncGenerator<string> {
  let next = seqs.min;
  while (next <= seqs.max) {
    const rows = await listAuditChain(deps.db, next, EXPORT_PAGE, seqs.max);
    if (rows.length === 0) return;
    let chunk = '';
    for (const r of rows)
      chunk += `${JSON.stringify({
        seq: r.seq,
        at: r.at,
        actor: r.actor,
        action: r.action,
        subject: r.subject,
        reason: r.reason,
        prev_hash: r.prev_hash,
        hash: r.hash,
      })}\n`;
    yield chunk;
    next = rows[rows.length - 1]!.seq + 1;
  }
}

/**
 * Runs `npx confide audit verify` over the database for an oversight officer and says the result in words.
 * Audited as `audit.verify` with the result.
 */
export async function verifyAuditForOversight(
  deps: ExportDeps,
  viewer: Pick<Viewer, 'userId'>,
): Promise<AuditVerifyResult> {
  const check = await verifyAuditChain(deps);
  const checkedAt = deps.now().toISOString();
  await inTransaction(deps.db, (trx) =>
    audit(deps, trx, {
      actor: viewer.userId,
      action: 'audit.verify',
      reason: check.ok ? `whole, ${check.entries} entries` : `broken at ${check.seq} (${check.problem})`,
    }),
  );
  if (check.ok)
    return {
      ok: true,
      entries: check.entries,
      seq: null,
      problem: null,
      message: `The audit log is whole: all ${check.entries} entries are each linked to the one before, and none was changed.`,
      checkedAt,
    };
  return {
    ok: false,
    entries: check.entries,
    seq: check.seq,
    problem: check.problem,
    message: `The audit log is broken at entry ${check.seq}: ${check.message}. The ${check.entries} entries before it are whole. Report this to the administrator and keep an earlier export as evidence.`,
    checkedAt,
  };
}
