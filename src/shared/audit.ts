/**
 * Shapes of the audit log's API (`/api/v1/audit…`, `/api/v1/reporter/accesses`). What each action means, in
 * plain words and as a purpose: audit-actions.ts.
 * @see Directive (EU) 2016/680 Art. 25 (logging: consultation, disclosure, alteration, erasure, with the purpose);
 *   CJEU C-579/21 (a data subject may learn the dates and purposes of consultations, not who the employees were)
 */
import { z } from 'zod';
import { Role } from './api.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date written as YYYY-MM-DD.');

/** Filters of the log, newest first; `cursor` is the `seq` of the last entry already shown. */
export const AuditQuery = z.object({
  /** YYYY-MM-DD (UTC), inclusive. */
  from: IsoDate.optional(),
  /** YYYY-MM-DD (UTC), inclusive. */
  to: IsoDate.optional(),
  /** A user id, or `reporter` / `system`. */
  actor: z.string().min(1).max(100).optional(),
  /** The start of an action, e.g. `case.` or `case.read`. */
  action: z
    .string()
    .regex(/^[a-z_.]{1,60}$/, 'An action is written in lower-case letters, dots and underscores, e.g. case.read.')
    .optional(),
  /** A report's reference (R-…), or a subject as written in the log (`report:<id>`, `user:<id>`). */
  subject: z.string().trim().min(1).max(200).optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditExportQuery = AuditQuery.pick({ from: true, to: true });

/** staff: a user id; cli: an administrator's `npx confide` command on the server; unknown: none recorded. */
export const AUDIT_ACTOR_KINDS = ['staff', 'reporter', 'system', 'cli', 'unknown'] as const;

export const AuditActor = z.object({
  kind: z.enum(AUDIT_ACTOR_KINDS),
  /** The user id (staff), or the word written in the log (`reporter`, `system`, `cli`); null when none was. */
  id: z.string().nullable(),
  /** Display name (staff) or a plain description ("The reporter"). */
  name: z.string(),
  role: Role.nullable(),
});
export type AuditActor = z.infer<typeof AuditActor>;

export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: AuditActor,
  action: z.string(),
  /** The action in plain words. */
  actionText: z.string(),
  subject: z.string().nullable(),
  /** "Report R-…" when the subject is a report that still exists. */
  subjectText: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditPage = z.object({
  items: z.array(AuditEntryView),
  /** Pass as `cursor` for older entries; null when there are none. */
  nextCursor: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditActors = z.object({
  actors: z.array(z.object({ id: z.string(), displayName: z.string(), role: Role })),
});
export type AuditActors = z.infer<typeof AuditActors>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  /** Entries found whole (all of them when ok). */
  entries: z.number().int(),
  /** The first broken entry; null when ok. */
  seq: z.number().int().nullable(),
  problem: z.enum(['sequence', 'previous_hash', 'content_hash']).nullable(),
  /** The result in plain words. */
  message: z.string(),
  checkedAt: z.string(),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

export const ACCESS_BY = ['staff', 'you', 'system', 'unknown'] as const;

/** One access to a report, as its reporter sees it: staff only as pseudonyms ("Staff member A"). */
export const AccessLogEntry = z.object({
  at: z.string(),
  by: z.enum(ACCESS_BY),
  /** "Staff member A", "You", "Automatic (the system)". */
  who: z.string(),
  action: z.string(),
  /** What was done and why, in plain words. */
  purpose: z.string(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

export const AccessLog = z.object({
  reference: z.string(),
  generatedAt: z.string(),
  /** Oldest first. */
  entries: z.array(AccessLogEntry),
});
export type AccessLog = z.infer<typeof AccessLog>;
