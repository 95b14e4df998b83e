/**
 * A case's next deadline, kept in `reports.due_at` so the queue can sort and page by it: the acknowledgement
 * deadline while the case is received (for an urgent case, the policy's urgent response time), the feedback
 * deadline after that, none once closed — and, whatever the status, the response to an unanswered protection
 * request when that comes first (src/domain/protection.ts pendingProtectionDue).
 * @see Directive (EU) 2019/1937 Art. 9(1)(b) (acknowledge in 7 days), 9(1)(f) (feedback in 3 months)
 * @see MSS Order No. 2 Art. 6(2) (protection of informants in danger)
 */
export const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

export function nextDeadline(r: {
  status: string;
  acknowledgement_due_at: string | null;
  feedback_due_at: string | null;
  /** The earliest response due on an unanswered protection request; null or absent when none is open. */
  protection_due_at?: string | null | undefined;
}): string {
  const due =
    r.status === 'closed'
      ? null
      : r.status === 'received'
        ? (r.acknowledgement_due_at ?? r.feedback_due_at)
        : r.feedback_due_at;
  const protection = r.protection_due_at ?? null;
  // ISO 8601 UTC strings of one format compare as their instants.
  if (protection !== null && (due === null || protection < due)) return protection;
  return due ?? NO_DEADLINE;
}

/** The deadline as the API shows it: null for none. */
export const presentDeadline = (dueAt: string): string | null => (dueAt === NO_DEADLINE ? null : dueAt);
