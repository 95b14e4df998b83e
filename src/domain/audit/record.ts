/**
 * The append-only audit log: who did what to which subject, when and why — never content. Each entry carries the
 * BLAKE2b hash of the previous entry, so a removed or altered entry breaks the chain.
 * @see Directive (EU) 2016/680 Art. 25 (logging of consultation, disclosure, alteration, erasure)
 */
import { hash } from '../../crypto/sodium.ts';
import { findAuditHead, insertAuditEntry, lockAuditChain } from '../../store/audit.ts';
import type { Tx } from '../../store/transaction.ts';
import type { Deps } from '../deps.ts';

export interface AuditEntry {
  /** user id, or 'reporter', 'system', 'public' */
  actor: string | null;
  /** dotted verb, e.g. 'case.read', 'file.download', 'report.submit' */
  action: string;
  /** what it concerns, e.g. 'report:<id>' */
  subject?: string | null;
  reason?: string | null;
}

export const GENESIS = '0'.repeat(64);

export function entryHash(
  prev: string,
  e: { seq: number; at: string; actor: string | null; action: string; subject: string | null; reason: string | null },
): string {
  const canonical = JSON.stringify([e.seq, e.at, e.actor, e.action, e.subject, e.reason]);
  return hash(`${prev}\n${canonical}`).toString('hex');
}

/** Appends one entry inside the caller's transaction. Serialised by a lock so the chain stays linear. */
export async function audit(deps: Pick<Deps, 'dialect' | 'now'>, trx: Tx, entry: AuditEntry): Promise<void> {
  await lockAuditChain(trx, deps.dialect);
  const last = await findAuditHead(trx);
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: deps.now().toISOString(),
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    reason: entry.reason ?? null,
  };
  const prev = last?.hash ?? GENESIS;
  await insertAuditEntry(trx, { ...row, prev_hash: prev, hash: entryHash(prev, row) });
}
