/**
 * Procedural action records (enforcement actions) and the approvals that gate sensitive steps on a case, as the
 * API sends and takes them. Shared by the server and the staff workspace; nothing Node-only.
 * @see CEL 2023 Art. 24 (credentials and documents shown), Art. 31 (two officers, full recording); MSS Order No. 2
 */
import { z } from 'zod';
import { userText } from './text.ts';
import { CaseEventView, CaseStatus, CategoryRef, Channel, Outcome } from './api.ts';

export const ACTION_KINDS = ['inspection', 'search', 'seizure', 'questioning', 'summons', 'other'] as const;
export const ActionKind = z.enum(ACTION_KINDS);
export type ActionKind = z.infer<typeof ActionKind>;

/** Characters (code points) of each text of a record. */
export const ACTION_TEXT_MAX = 4_000;

const text = userText().trim().max(ACTION_TEXT_MAX);

/**
 * The `action` part of POST /cases/{id}/actions (a JSON object; the optional `recording` file part follows it).
 * Presence rules (two distinct officers, an approval, a recording or a reason) are the domain's, so that each
 * refusal names what is missing.
 */
export const ActionInput = z.object({
  kind: ActionKind,
  /** When the action took place: ISO 8601 with an offset or Z. */
  at: z.iso.datetime({ offset: true }),
  place: text.min(1),
  /** Staff user ids of the officers who took part: at least two different people. */
  officerIds: z.array(z.string().uuid()).max(20),
  /** The credentials the officers showed, e.g. "Service cards of both officers". */
  credentialsShown: text.min(1),
  /** The legal documents shown, e.g. "Inspection notice No. 12/2026". */
  documentsShown: text.min(1),
  /** The approved 'enforcement_action' request this record rests on. */
  requestId: z.string().uuid().nullable().optional(),
  /** Why there is no recording (required when no `recording` part is sent). */
  noRecordingReason: text.nullable().optional(),
  notes: text.nullable().optional(),
});
export type ActionInput = z.infer<typeof ActionInput>;

export const Officer = z.object({ id: z.string(), displayName: z.string() });

export const ActionView = z.object({
  id: z.string(),
  kind: ActionKind,
  at: z.string(),
  place: z.string(),
  officers: z.array(Officer),
  credentialsShown: z.string(),
  documentsShown: z.string(),
  requestId: z.string(),
  /** The approval the action was recorded under: who decided it and when (by name, never by id). */
  approval: z.object({ decidedBy: z.string().nullable(), decidedAt: z.string().nullable() }).optional(),
  /** The recording, stored as a staff file of the case (its original opens under the two-person rule). */
  /** fileId is null once the file itself is gone (destroyed with the case's files); the SHA-256 stays on record. */
  recording: z.object({ fileId: z.string().nullable(), sha256: z.string() }).nullable(),
  noRecordingReason: z.string().nullable(),
  notes: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ActionView = z.infer<typeof ActionView>;

export const ActionList = z.object({ actions: z.array(ActionView) });
export const OfficerList = z.object({ officers: z.array(Officer) });

/** Kinds of approval a case's gated steps consume (see REQUEST_KINDS in src/domain/approvals/kinds.ts). */
export const GATED_KINDS = [
  'open_original',
  'export',
  'enforcement_action',
  'knowingly_false',
  'lift_exclusion',
  'exclude_holder',
  'close_case',
  'grant_outside',
] as const;
export const GatedKind = z.enum(GATED_KINDS);
export type GatedKind = z.infer<typeof GatedKind>;

/** An approval of the viewer's that is decided, unused and unexpired: ready to use once. */
export const UsableApproval = z.object({
  id: z.string(),
  kind: GatedKind,
  /** A file id (open_original) or user id (lift_exclusion, exclude_holder), else null. */
  subject: z.string().nullable(),
  decidedAt: z.string(),
  expiresAt: z.string(),
});
export type UsableApproval = z.infer<typeof UsableApproval>;
export const UsableApprovals = z.object({ approvals: z.array(UsableApproval) });

export const ApprovalQuery = z.object({ requestId: z.string().uuid().optional() });

const AnswerValue = z.union([z.string(), z.array(z.string()), z.boolean(), z.null()]);

/**
 * A case taken outside (GET /cases/{id}/export, an approved 'export' request): what it says and what was done,
 * with the files listed by SHA-256 (their contents are not included). The identity is never part of it.
 */
export const CaseExport = z.object({
  format: z.literal('confide-case-export/1'),
  exportedAt: z.string(),
  exportedBy: z.string(),
  requestId: z.string(),
  case: z.object({
    id: z.string(),
    reference: z.string(),
    category: CategoryRef,
    channel: Channel,
    status: CaseStatus,
    outcome: Outcome.nullable(),
    urgent: z.boolean(),
    riskLevel: z.string().nullable(),
    receivedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  }),
  answers: z.array(z.object({ fieldId: z.string(), label: z.string(), value: AnswerValue })),
  messages: z.array(
    z.object({
      author: z.enum(['reporter', 'staff']),
      authorName: z.string().nullable(),
      visibility: z.enum(['reporter', 'internal']),
      kind: z.string(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
  events: z.array(CaseEventView),
  files: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      author: z.enum(['reporter', 'staff']),
      /** Bytes of the original as received; null when not known (an old file whose stored copy is missing). */
      size: z.number().int().nullable(),
      /** Hex SHA-256 of the original as received. */
      sha256: z.string().nullable(),
      cleaning: z.enum(['cleaned', 'unchanged', 'failed']),
      createdAt: z.string(),
    }),
  ),
  actions: z.array(ActionView),
});
export type CaseExport = z.infer<typeof CaseExport>;
