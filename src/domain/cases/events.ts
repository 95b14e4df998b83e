/**
 * The case history: who did what and when, with the reason given. Every change to a case writes one event in the
 * same transaction as the change; what was done and why are sealed under the case key (staff only).
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { open, seal } from '../../crypto/sodium.ts';
import type { CaseEventView, CaseStatus } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import { eventAd } from '../sealing.ts';
import type { Tables } from '../../store/tables.ts';

export type EventKind =
  | 'status'
  | 'urgent'
  | 'risk'
  | 'grant'
  | 'revoke'
  | 'exclude'
  | 'include'
  | 'link'
  | 'unlink'
  | 'labels'
  | 'request'
  | 'decision'
  | 'identity'
  | 'protection'
  | 'action'
  | 'legal_hold'
  | 'original'
  | 'export';

export async function recordEvent(
  trx: Transaction<Tables>,
  input: {
    reportId: string;
    at: string;
    /** The staff member who acted; null for Confide itself (a complaint routed at submission). */
    actor: string | null;
    caseKey: Buffer;
    kind: EventKind;
    summary: string;
    reason?: string | undefined;
    fromStatus?: CaseStatus;
    toStatus?: CaseStatus;
  },
): Promise<void> {
  const id = randomUUID();
  const payload = JSON.stringify({ summary: input.summary, reason: input.reason?.trim() || null });
  await trx
    .insertInto('case_events')
    .values({
      id,
      report_id: input.reportId,
      at: input.at,
      actor_user_id: input.actor,
      kind: input.kind,
      from_status: input.fromStatus ?? null,
      to_status: input.toStatus ?? null,
      sealed_reason: seal(input.caseKey, Buffer.from(payload), eventAd(input.reportId, id)),
    })
    .execute();
}

/** The history of a case, oldest first, opened with the case key. */
export async function listEvents(deps: Pick<Deps, 'db'>, reportId: string, caseKey: Buffer): Promise<CaseEventView[]> {
  const rows = await deps.db
    .selectFrom('case_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['e.id', 'e.at', 'e.kind', 'e.from_status', 'e.to_status', 'e.sealed_reason', 'u.display_name'])
    .where('e.report_id', '=', reportId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  return rows.map((e) => {
    const text = e.sealed_reason ? open(caseKey, e.sealed_reason, eventAd(reportId, e.id)).toString() : null;
    let summary = e.kind === 'status' ? `Status changed from ${e.from_status} to ${e.to_status}` : e.kind;
    let reason: string | null = text;
    if (text?.startsWith('{')) {
      const parsed = JSON.parse(text) as { summary: string; reason: string | null };
      summary = parsed.summary;
      reason = parsed.reason;
    }
    return {
      at: e.at,
      actorName: e.display_name,
      kind: e.kind,
      fromStatus: (e.from_status as CaseStatus | null) ?? null,
      toStatus: (e.to_status as CaseStatus | null) ?? null,
      summary,
      reason,
    };
  });
}
