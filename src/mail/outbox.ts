/**
 * The staff notice outbox: one `notifications` row per person and thing waiting for them. A notice says only
 * what kind of work waits — never which case — and the notification job (src/jobs/notify.ts) batches a
 * person's pending notices into one mail.
 */
import { insertNotices } from '../store/outbox.ts';
import type { Tx } from '../store/transaction.ts';

/**
 * - `new_report`: a report was taken in and granted to this supervisor for triage
 * - `assigned`: a case was granted to this person
 * - `reminder`: a deadline of a case they work on is near
 * - `escalation`: a case they supervise is past its deadline
 * - `reporter_activity`: the reporter of a case they hold wrote or added files
 */
export const NOTICE_KINDS = [
  'new_report',
  'assigned',
  'reminder',
  'escalation',
  'approval',
  'protection',
  'retention',
  'reporter_activity',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * Queues one notice of `kind` for each user, inside the caller's transaction (so a notice exists exactly when the
 * work it announces does).
 * @param userIds staff user ids; duplicates get one notice each, an empty list does nothing
 */
export async function queueNotices(
  deps: { now(): Date },
  trx: Tx,
  userIds: readonly string[],
  kind: NoticeKind,
): Promise<void> {
  if (userIds.length === 0) return;
  await insertNotices(trx, userIds, kind, deps.now().toISOString());
}
