/**
 * Shapes of the approvals (two-person rule) and identity endpoints, shared by the server and the staff workspace:
 * the kinds of request and their titles, requests as the workspace lists them, the reporter's identity as a case
 * holder sees it, and the reporter's own view of it. Nothing Node-only.
 * @see CEL 2023 Art. 25–31 (prior approval); EU 2019/1937 Art. 16 (confidentiality of the reporter's identity)
 */
import { z } from 'zod';
import { userText } from './text.ts';
import { AnswerView, FieldView } from './api.ts';

export const REQUEST_KINDS = [
  'identity_disclosure',
  'open_original',
  'early_deletion',
  'export',
  'grant_outside',
  'enforcement_action',
  'knowingly_false',
  'lift_exclusion',
  'exclude_holder',
  'close_case',
] as const;
export const RequestKind = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof RequestKind>;

/** What each kind asks for, in plain words (workspace, notices, audit export). */
export const REQUEST_TITLES: Record<RequestKind, string> = {
  identity_disclosure: "Disclose the reporter's identity",
  open_original: 'Open an original file (with its metadata)',
  early_deletion: 'Delete the case before its retention ends',
  export: 'Export or refer the case outside',
  grant_outside: "Grant the case to someone outside the category's staff",
  enforcement_action: 'Record an enforcement action',
  knowingly_false: 'Mark the report knowingly false',
  lift_exclusion: 'Lift the exclusion of a staff member named in the report',
  exclude_holder: 'Exclude another manager of the case, or the last holder of one of its keys',
  close_case: 'Close the case',
};

/**
 * What a kind's `subject` names: a file of the case (its id) or a staff member (their user id: the person to grant
 * the case to, whose `named_in_report` exclusion is lifted, or who is excluded).
 */
export const REQUEST_SUBJECTS: Partial<Record<RequestKind, 'file' | 'user'>> = {
  open_original: 'file',
  grant_outside: 'user',
  lift_exclusion: 'user',
  exclude_holder: 'user',
};

/** Characters (code points) a reason, legal basis, reporter notice or decision note may have. */
export const MAX_REASON = 4_000;

export const REQUEST_STATUSES = ['pending', 'approved', 'refused', 'expired', 'used', 'withdrawn'] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatus>;

// Texts are checked (trimmed, required, length) by the domain, whose messages say how to fix them.
const longText = userText().max(MAX_REASON * 4);

export const CreateRequestBody = z.object({
  caseId: z.string().uuid(),
  kind: RequestKind,
  reason: longText,
  legalBasis: longText,
  /** A file id (open_original) or a user id (grant_outside, lift_exclusion, exclude_holder); ignored for others. */
  subject: z.string().max(100).optional(),
  /** identity_disclosure: what the reporter is told once it is approved (EU 2019/1937 Art. 16(3)). */
  reporterNotice: longText.optional(),
});
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;
export const CreateRequestResponse = z.object({ id: z.string() });

export const DecisionBody = z.object({
  decision: z.enum(['approve', 'refuse']),
  note: longText.optional(),
});
export type DecisionBody = z.infer<typeof DecisionBody>;
/** `used` when approving did the thing at once (identity disclosure re-seals the identity key then). */
export const DecisionResponse = z.object({ status: RequestStatus });

export const RequestBoxQuery = z.object({
  /** to_decide: pending requests the viewer may decide; mine: the viewer's own requests, newest first. */
  box: z.enum(['to_decide', 'mine']).default('to_decide'),
});
export type RequestBox = z.output<typeof RequestBoxQuery>['box'];

export const RequestView = z.object({
  id: z.string(),
  kind: RequestKind,
  caseId: z.string(),
  caseReference: z.string(),
  requesterName: z.string(),
  /** The viewer made this request. */
  mine: z.boolean(),
  /** The viewer may approve or refuse it now. */
  canDecide: z.boolean(),
  /** Pending or approved requests past `expiresAt` show as expired. */
  status: RequestStatus,
  createdAt: z.string(),
  /** Until when a pending request waits for a decision, or an approval may be used. */
  expiresAt: z.string(),
  decidedAt: z.string().nullable(),
  deciderName: z.string().nullable(),
  /** What it concerns, in words (a file name, a staff member's name); null for kinds without a subject. */
  subject: z.object({ id: z.string(), label: z.string() }).nullable(),
  /** Opened with the viewer's request key: null when the viewer is neither the requester nor a decider. */
  reason: z.string().nullable(),
  legalBasis: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type RequestView = z.infer<typeof RequestView>;
export const RequestList = z.object({ items: z.array(RequestView) });
export type RequestList = z.infer<typeof RequestList>;

export const IdentityStatementView = z.object({ addedAt: z.string(), answers: z.array(AnswerView) });

/**
 * The reporter's identity as a holder of the case sees it. Without a disclosure only `disclosed: false` and the
 * date the reporter came forward of their own accord (if they did) are given: never whether the reporter gave an
 * identity when reporting.
 */
export const CaseIdentity = z.object({
  disclosed: z.boolean(),
  /** When the identity was disclosed to the viewer. */
  disclosedAt: z.string().nullable(),
  /** When the reporter last added identity details of their own accord (they chose to come forward). */
  reporterAddedAt: z.string().nullable(),
  /** The identity section as answered with the report, labelled; null unless disclosed. */
  answers: z.array(AnswerView).nullable(),
  /** Identity details the reporter added later, oldest first; null unless disclosed. */
  statements: z.array(IdentityStatementView).nullable(),
});
export type CaseIdentity = z.infer<typeof CaseIdentity>;

/** What the reporter is told about their identity (follow-up). */
export const ReporterIdentity = z.object({
  /** The reporter can add identity details (not for reports made before this was possible). */
  canAdd: z.boolean(),
  addedAt: z.string().nullable(),
  /** "You added your identity on …", or null. */
  addedText: z.string().nullable(),
  /** Each disclosure of the reporter's identity, with what the requester asked the reporter be told. */
  disclosures: z.array(z.object({ at: z.string(), text: z.string(), notice: z.string() })),
  /** The identity questions (all optional). */
  fields: z.array(FieldView),
});
export const ReporterIdentityRequest = z.object({ identity: z.record(z.string(), z.unknown()) });
export const ReporterIdentityResponse = z.object({ addedAt: z.string() });
