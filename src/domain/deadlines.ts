/**
 * A case's next deadline, kept in `reports.due_at` so the queue can sort and page by it: the acknowledgement
 * deadline while the case is received (for an urgent case, the policy's urgent response time), the feedback
 * deadline after that, none once closed — and, whatever the status, the response to an unanswered protection
 * request when that comes first (src/domain/reporter/protection.ts pendingProtectionDue).
 * @see Directive (EU) 2019/1937 Art. 9(1)(b) (acknowledge in 7 days), 9(1)(f) (feedback in 3 months)
 * @see MSS Order No. 2 Art. 6(2) (protection of informants in danger)
 */
import { protectionResponseHours, type Policy } from '../shared/profile.ts';
import { DAY, HOUR } from '../shared/time.ts';
import type { CaseStatus } from '../shared/api.ts';
import type { ReportsTable } from '../store/tables.ts';
import { categoryOf } from './categories.ts';
import type { Deps } from './deps.ts';

export const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

/**
 * Response hours (urgent acknowledgement, protection request) for a case whose category has left the profile in
 * force, so its policy is unknown. The profile requires urgentResponseHours of every category (src/shared/profile.ts).
 */
export const UNKNOWN_POLICY_RESPONSE_HOURS = 24;

const after = (from: Date, ms: number): string => new Date(from.getTime() + ms).toISOString();

/**
 * When a case received at `receivedAt` must be acknowledged (ISO 8601 UTC): for an urgent case within the policy's
 * urgentResponseHours, else within acknowledgementDays; null when the policy sets no acknowledgement deadline.
 * `policy` undefined (the category left the profile): urgent within UNKNOWN_POLICY_RESPONSE_HOURS, else null.
 * @see Directive (EU) 2019/1937 Art. 9(1)(b); REQUIREMENTS #7 (threat-to-life fast path)
 */
export function acknowledgementDue(policy: Policy | undefined, receivedAt: Date, urgent: boolean): string | null {
  if (urgent) return after(receivedAt, (policy?.urgentResponseHours ?? UNKNOWN_POLICY_RESPONSE_HOURS) * HOUR);
  return policy?.acknowledgementDays == null ? null : after(receivedAt, policy.acknowledgementDays * DAY);
}

/** When feedback is due for a case received at `receivedAt` (ISO 8601 UTC); null when the policy sets none. */
export function feedbackDue(policy: Policy, receivedAt: Date): string | null {
  return policy.feedbackDays == null ? null : after(receivedAt, policy.feedbackDays * DAY);
}

/**
 * When staff must have responded to a protection request made at `requestedAt` (ISO 8601 UTC): the policy's
 * protectionResponseHours (else urgentResponseHours); UNKNOWN_POLICY_RESPONSE_HOURS when the category left the profile.
 */
export function protectionDue(policy: Policy | undefined, requestedAt: Date): string {
  return after(requestedAt, (policy ? protectionResponseHours(policy) : UNKNOWN_POLICY_RESPONSE_HOURS) * HOUR);
}

/** A quarter of a policy's urgent response time — or of the shorter protection one — at least 1 h. */
export const urgentReminderHours = (policy: Policy, protection = true): number =>
  Math.max(1, Math.min(policy.urgentResponseHours, protection ? protectionResponseHours(policy) : Infinity) / 4);

/**
 * How long before its deadline a case is reminded of, in hours: `defaultHours` (CONFIDE_REMINDER_HOURS), or for an
 * urgent case a quarter of its category's urgent response time (at least 1 h), so that a 24-hour deadline warns at
 * 6 hours — and once the reporter asked for protection, of the protection response time when shorter (12 hours: at 3).
 * `policy` undefined (the category left the profile): `defaultHours`.
 */
export function reminderHours(
  policy: Policy | undefined,
  r: { urgent: number; protection_requested_at?: string | null | undefined },
  defaultHours: number,
): number {
  if (!r.urgent || !policy) return defaultHours;
  return urgentReminderHours(policy, !!r.protection_requested_at);
}

/** The widest reminder window over all policies, in hours: how far ahead the deadlines job must look. */
export const widestReminderHours = (policies: Policy[], defaultHours: number): number =>
  Math.max(defaultHours, ...policies.map((p) => urgentReminderHours(p)));

/** Whether a case whose deadline is `dueAt` is within its reminder window at `now`. */
export const reminderIsDue = (dueAt: string, now: Date, hours: number): boolean =>
  Date.parse(dueAt) - now.getTime() <= hours * HOUR;

export type DeadlineNotice = 'reminder' | 'escalation';

/**
 * Who hears of a case's deadline, from the active users holding a `case` grant on it: for a reminder its handlers
 * and oversight officers, or its supervisors when none; for an escalation its supervisors, or its oversight officers
 * when no supervisor holds it. @returns user ids, in the order given
 */
export function deadlineRecipients(kind: DeadlineNotice, holders: { id: string; role: string }[]): string[] {
  const workers = holders.filter((r) => r.role !== 'supervisor');
  const supervisors = holders.filter((r) => r.role === 'supervisor');
  const chosen =
    kind === 'reminder'
      ? workers.length > 0
        ? workers
        : supervisors
      : supervisors.length > 0
        ? supervisors
        : workers.filter((r) => r.role === 'oversight');
  return chosen.map((r) => r.id);
}

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

/**
 * The retention columns a status change writes: closing starts the clock (closed_at + the category's
 * retentionDays), any other status — reopening — stops it and forgets an earlier reminder.
 * @param at the time of the change (ISO 8601)
 */
export function retentionOnStatusChange(
  deps: Pick<Deps, 'profile'>,
  categoryId: string,
  status: CaseStatus,
  at: string,
): Pick<ReportsTable, 'retention_ends_at' | 'retention_reminded_at'> {
  const days = categoryOf(deps, categoryId)?.policy.retentionDays;
  return {
    // A category no longer in the profile has no policy: the case is kept until someone deletes it.
    retention_ends_at: status === 'closed' && days ? new Date(Date.parse(at) + days * DAY).toISOString() : null,
    retention_reminded_at: null,
  };
}
