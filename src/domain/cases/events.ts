/**
 * The case history: who did what and when, with the reason given. Every change to a case writes one event in the
 * same transaction as the change; what was done and why are sealed under the case key (staff only).
 */
import { randomUUID } from 'node:crypto';
import { open, seal } from '../../crypto/sodium.ts';
import type { CaseEventView, CaseStatus } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import { eventAd } from '../../crypto/case-keys.ts';
import { insertCaseEvent, listCaseEventRows } from '../../store/case-events.ts';
import type { Tx } from '../../store/transaction.ts';

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
  | 'export'
  | 'transcript'
  | 'transcript_corrected'
  | 'transcript_confirmed'
  | 'recording_deleted';

/**
 * What an event written without the case key says: the reporter's own steps (their session holds only the report
 * key), whose summary is fixed by its kind and carries no content.
 */
export const FIXED_SUMMARIES: Partial<Record<EventKind, string>> = {
  transcript_corrected: 'The reporter sent a correction of a transcript or minutes',
  transcript_confirmed: 'The reporter confirmed a transcript or minutes',
  recording_deleted: 'Recording deleted after the transcript was confirmed',
};

/** Records an event with no sealed summary (FIXED_SUMMARIES says what it was), inside the caller's transaction. */
export async function recordFixedEvent(
  trx: Tx,
  input: { reportId: string; at: string; kind: keyof typeof FIXED_SUMMARIES },
): Promise<void> {
  await insertCaseEvent(trx, {
    id: randomUUID(),
    report_id: input.reportId,
    at: input.at,
    actor_user_id: null,
    kind: input.kind,
    from_status: null,
    to_status: null,
    sealed_reason: null,
  });
}

/** Records one event of a case, its summary and reason sealed under the case key, inside the caller's transaction. */
export async function recordEvent(
  trx: Tx,
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
  await insertCaseEvent(trx, {
    id,
    report_id: input.reportId,
    at: input.at,
    actor_user_id: input.actor,
    kind: input.kind,
    from_status: input.fromStatus ?? null,
    to_status: input.toStatus ?? null,
    sealed_reason: seal(input.caseKey, Buffer.from(payload), eventAd(input.reportId, id)),
  });
}

/** The history of a case, oldest first, opened with the case key. */
export async function listEvents(deps: Pick<Deps, 'db'>, reportId: string, caseKey: Buffer): Promise<CaseEventView[]> {
  const rows = await listCaseEventRows(deps.db, reportId);
  return rows.map((e) => {
    const text = e.sealed_reason ? open(caseKey, e.sealed_reason, eventAd(reportId, e.id)).toString() : null;
    let summary =
      e.kind === 'status'
        ? `Status changed from ${e.from_status} to ${e.to_status}`
        : (FIXED_SUMMARIES[e.kind as EventKind] ?? e.kind);
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
