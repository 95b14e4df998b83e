/**
 * A case's next deadline, kept in `reports.due_at` so the queue can sort and page by it: the acknowledgement
 * deadline while the case is received (for an urgent case, the policy's urgent response time), the feedback
 * deadline after that, none once closed.
 * @see Directive (EU) 2019/1937 Art. 9(1)(b) (acknowledge in 7 days), 9(1)(f) (feedback in 3 months)
 */
export const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

export function nextDeadline(r: {
  status: string;
  acknowledgement_due_at: string | null;
  feedback_due_at: string | null;
}): string {
  if (r.status === 'closed') return NO_DEADLINE;
  const due = r.status === 'received' ? (r.acknowledgement_due_at ?? r.feedback_due_at) : r.feedback_due_at;
  return due ?? NO_DEADLINE;
}

/** The deadline as the API shows it: null for none. */
export const presentDeadline = (dueAt: string): string | null => (dueAt === NO_DEADLINE ? null : dueAt);
