/**
 * Shapes of the retention endpoints (`/api/v1/cases/{id}/retention`, `…/legal-hold`, `DELETE /api/v1/cases/{id}`),
 * shared by the server and the staff workspace. Times are ISO 8601 UTC strings.
 */
import { z } from 'zod';
import { userText } from './text.ts';
import { CaseStatus } from './api.ts';

/** Longest reason for setting or lifting a legal hold, in characters. */
export const MAX_HOLD_REASON = 4_000;

export const LegalHold = z.object({
  /** When the hold was set. */
  since: z.string(),
  /** Why, opened with the case key (staff holding the case only). */
  reason: z.string(),
});
export type LegalHold = z.infer<typeof LegalHold>;

export const RetentionView = z.object({
  status: CaseStatus,
  /** The category's retention period in days (policy.retentionDays); null when the category is gone. */
  retentionDays: z.number().int().nullable(),
  /** closed_at + retentionDays; null while the case is open. */
  retentionEndsAt: z.string().nullable(),
  /** When its managers were told that destruction is near; null before. */
  remindedAt: z.string().nullable(),
  /**
   * The earliest time the retention job destroys the case: the end of retention, but never sooner than the notice
   * period after the reminder. Null while the case is open or on legal hold.
   */
  destroyAfter: z.string().nullable(),
  legalHold: LegalHold.nullable(),
  /** Whether the viewer may set or lift the hold (a supervisor holding the case; oversight for a complaint). */
  canManageLegalHold: z.boolean(),
  /** The viewer's own approved, unused request to delete this case early, if any: DELETE the case with it. */
  approvedDeletionRequestId: z.string().nullable(),
});
export type RetentionView = z.infer<typeof RetentionView>;

export const LegalHoldRequest = z.object({ reason: userText().max(MAX_HOLD_REASON * 2) });
export type LegalHoldRequest = z.infer<typeof LegalHoldRequest>;

export const DeleteCaseQuery = z.object({
  /** The approved request (kind early_deletion) this deletion rests on. */
  requestId: z.string().uuid().optional(),
});
