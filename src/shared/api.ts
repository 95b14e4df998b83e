/**
 * Shapes of the JSON API (`/api/v1`), shared by the server (request and response schemas, OpenAPI) and the
 * staff workspace. A response schema lists every field that may leave the server: a field not named here is
 * stripped, so a new column cannot leak.
 */
import { z } from 'zod';
import { userText } from './text.ts';
import { IntakeFacts } from './intake.ts';

export const ROLES = ['administrator', 'supervisor', 'handler', 'custodian', 'oversight', 'operator'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const CASE_STATUSES = ['received', 'acknowledged', 'assessing', 'investigating', 'referred', 'closed'] as const;
export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const OUTCOMES = [
  'substantiated',
  'unsubstantiated',
  'insufficient_information',
  'referred_elsewhere',
  'duplicate',
  'knowingly_false',
] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

/** How a report came in; `referral`: passed on by another authority (recorded by an intake operator). */
export const CHANNELS = ['web', 'phone', 'post', 'email', 'in_person', 'referral'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const ErrorBody = z.object({
  error: z.object({ id: z.string(), message: z.string(), details: z.record(z.string(), z.string()).optional() }),
});

export const StaffUser = z.object({
  id: z.string(),
  username: z.string(),
  role: Role,
  displayName: z.string(),
});
export type StaffUser = z.infer<typeof StaffUser>;

export const SessionRequest = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });
export const SessionResponse = z.object({ user: StaffUser, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const CategoryRef = z.object({ id: z.string(), title: z.string() });

export const CaseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  category: CategoryRef,
  channel: Channel,
  status: CaseStatus,
  outcome: Outcome.nullable(),
  urgent: z.boolean(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  /** When the reporter last asked for protection (MSS Order No. 2 Art. 6(2)); null when never. */
  protectionRequestedAt: z.string().nullable(),
  /**
   * In the case list only: the reporter wrote or added files since the viewer last opened the case (or the viewer
   * never opened it since). Absent elsewhere.
   */
  unread: z.boolean().optional(),
  /** Display names of the people holding the case (case grants); in the case list and the case view. */
  holders: z.array(z.string()).optional(),
  /** The case's labels, in the case list (the case view has them in `labels`). */
  labelList: z.array(z.string()).optional(),
  /** The latest message or case event; in the case list. */
  lastActivityAt: z.string().nullable().optional(),
  /** A protection request waits for an answer; in the case list and the case view. */
  protectionPending: z.boolean().optional(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseListQuery = z.object({
  /** queue: urgent first, then soonest deadline (triage); newest: by time received. */
  order: z.enum(['queue', 'newest']).default('queue'),
  status: CaseStatus.optional(),
  category: z.string().max(100).optional(),
  channel: Channel.optional(),
  label: z.string().max(60).optional(),
  urgent: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** true: only cases with reporter activity the viewer has not seen. */
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const CaseList = z.object({ items: z.array(CaseSummary), nextCursor: z.string().nullable() });
export type CaseList = z.infer<typeof CaseList>;

export const AnswerView = z.object({
  fieldId: z.string(),
  label: z.string(),
  type: z.string(),
  value: z.union([z.string(), z.array(z.string()), z.boolean(), z.null()]),
  /** For choice questions: the labels of the chosen options, in the questionnaire's order; null otherwise. */
  optionLabels: z.array(z.string()).nullable(),
});
export const FileView = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  /** Bytes; null when not known (a file stored before sizes were sealed whose stored copy is missing). */
  size: z.number().int().nullable(),
  cleaning: z.enum(['cleaned', 'unchanged', 'failed']),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type FileView = z.infer<typeof FileView>;
export const MessageView = z.object({
  id: z.string(),
  author: z.enum(['reporter', 'staff']),
  authorName: z.string().nullable(),
  visibility: z.enum(['reporter', 'internal']),
  /** An outcome notice tells the reporter the result (CEL 2023 Art. 52). */
  kind: z.enum(['message', 'outcome_notice']),
  body: z.string(),
  createdAt: z.string(),
  /** Files sent with a reply to the reporter (their cleaned copies), when the answer to sending it lists them. */
  files: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
});
export type MessageView = z.infer<typeof MessageView>;

export const RISK_LEVELS = ['low', 'moderate', 'high'] as const;
export const RiskLevel = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof RiskLevel>;

export const CaseEventView = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  /** 'status' | 'urgent' | 'risk' | 'grant' | 'revoke' | 'exclude' | 'link' | 'label' */
  kind: z.string(),
  fromStatus: CaseStatus.nullable(),
  toStatus: CaseStatus.nullable(),
  /** What was done, in words, e.g. "Granted to Test handler"; the reason given, if any, follows in `reason`. */
  summary: z.string(),
  reason: z.string().nullable(),
});
export type CaseEventView = z.infer<typeof CaseEventView>;

export const LinkKind = z.enum(['duplicate', 'related']);
export const LinkView = z.object({
  id: z.string(),
  reference: z.string(),
  kind: LinkKind,
  /** This case was received first of the two (the first report, MSS Order No. 2 Art. 8–10). */
  thisIsFirst: z.boolean(),
});

export const CaseDetail = CaseSummary.extend({
  /** 'report' | 'self_disclosure' | 'complaint_about_official' */
  categoryKind: z.string(),
  acknowledgementDueAt: z.string().nullable(),
  feedbackDueAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  riskLevel: RiskLevel.nullable(),
  labels: z.array(z.string()),
  links: z.array(LinkView),
  answers: z.array(AnswerView),
  files: z.array(FileView),
  messages: z.array(MessageView),
  events: z.array(CaseEventView),
  allowedTransitions: z.array(CaseStatus),
  /** Whether closing needs an outcome notice to the reporter first and none was sent yet (CEL 2023 Art. 52). */
  outcomeNoticeRequired: z.boolean(),
  /** The language the report was made in (a tag of src/i18n/languages.ts): replies reach the reporter in it. */
  language: z.string(),
  /** Texts to start an outcome notice from, in the reporter's language, by outcome. */
  feedbackTemplates: z.array(z.object({ outcome: Outcome, text: z.string() })),
  /** The viewer may grant, revoke and exclude (supervisors). */
  canManageAccess: z.boolean(),
  /** How an intake operator received the report (channel facts, sealed under the report key); null for the others. */
  intake: IntakeFacts.nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const MessageRequest = z.object({
  body: userText().trim().min(1).max(20_000),
  visibility: z.enum(['reporter', 'internal']),
  /** An outcome notice tells the reporter the result (visibility must be 'reporter'). */
  kind: z.enum(['message', 'outcome_notice']).default('message'),
});

export const StaffListItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  /** Category ids the person works on; null for every category. Granting outside them needs an approval. */
  categories: z.array(z.string()).nullable(),
});
export const StaffList = z.object({ staff: z.array(StaffListItem) });

export const GrantView = z.object({ userId: z.string(), displayName: z.string(), role: Role, grantedAt: z.string() });
export const ExclusionReason = z.enum(['named_in_report', 'conflict_of_interest', 'other']);
export const ExclusionView = z.object({
  userId: z.string(),
  displayName: z.string(),
  reason: ExclusionReason,
  note: z.string().nullable(),
  createdAt: z.string(),
});
export const CaseAccess = z.object({ grants: z.array(GrantView), exclusions: z.array(ExclusionView) });
export type CaseAccess = z.infer<typeof CaseAccess>;
export const GrantRequest = z.object({
  userId: z.string().uuid(),
  /** An approved request of kind grant_outside, needed when the person does not work on the case's category. */
  requestId: z.string().uuid().optional(),
});
export const ExclusionRequest = z.object({
  userId: z.string().uuid(),
  reason: ExclusionReason,
  note: userText().trim().max(2_000).optional(),
  /**
   * An approved request of kind exclude_holder, needed when the person manages the case or is the last active
   * holder of one of its keys.
   */
  requestId: z.string().uuid().optional(),
});
export const UrgentRequest = z.object({ urgent: z.boolean(), reason: userText().trim().min(1).max(2_000) });
export const UrgentResponse = z.object({ urgent: z.boolean(), dueAt: z.string().nullable() });
export const RiskRequest = z.object({ level: RiskLevel, note: userText().trim().max(5_000).optional() });
export const RiskResponse = z.object({ riskLevel: RiskLevel });
export const LinkRequest = z.object({ reference: z.string().trim().min(1).max(40), kind: LinkKind });
export const LinksResponse = z.object({ links: z.array(LinkView) });
export const LabelsRequest = z.object({
  labels: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(40)
        .regex(/^[\p{L}\p{N} _-]+$/u),
    )
    .max(20),
});
export const LabelsResponse = z.object({ labels: z.array(z.string()) });
export const SearchQuery = z.object({ q: z.string().trim().min(2).max(200) });
export const SearchResponse = z.object({
  items: z.array(CaseSummary),
  /** How many granted cases were searched, and whether that was all of them. */
  searched: z.number().int(),
  complete: z.boolean(),
});

export const StatisticsQuery = z.object({
  /** ISO dates (YYYY-MM-DD, UTC), inclusive; default: the last 12 weeks. */
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
export const Statistics = z.object({
  from: z.string(),
  to: z.string(),
  /** Reports per ISO week (Monday, YYYY-MM-DD) by category id and by channel. */
  weekly: z.array(
    z.object({
      week: z.string(),
      byCategory: z.record(z.string(), z.number().int()),
      byChannel: z.record(z.string(), z.number().int()),
    }),
  ),
  categories: z.array(z.object({ id: z.string(), title: z.string() })),
  /** Median hours from receipt to acknowledgement, and to closing; null when nothing to measure. */
  medianHoursToAcknowledge: z.number().nullable(),
  medianHoursToClose: z.number().nullable(),
  /**
   * Share (0–1) of cases acknowledged by their acknowledgement deadline, of those that had one and are acknowledged
   * or past it (a case still unacknowledged after its deadline is a miss); null when none.
   */
  acknowledgedWithinDeadline: z.number().nullable(),
  /** Open cases past their deadline now, whenever they were received (not limited to the range). */
  overdueNow: z.number().int(),
  /** Reports received in the range. */
  total: z.number().int(),
});
export type Statistics = z.infer<typeof Statistics>;
export const StatusRequest = z.object({
  status: CaseStatus,
  reason: userText().trim().max(2_000).optional(),
  outcome: Outcome.optional(),
  /** An approved request of the mover's: kind 'export' to refer the case, 'knowingly_false' for that outcome. */
  requestId: z.string().uuid().optional(),
});
export const StatusResponse = z.object({ status: CaseStatus, outcome: Outcome.nullable() });

export const FieldType = z.enum([
  'short_text',
  'long_text',
  'date',
  'single_choice',
  'multiple_choice',
  'checkbox',
  'file',
]);
export const FieldView = z.object({
  id: z.string(),
  type: FieldType,
  label: z.string(),
  help: z.string().nullable(),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })),
});
export const CategoryView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  fields: z.array(FieldView),
});
export const CategoryList = z.object({
  categories: z.array(CategoryView),
  /** The identity section every report form ends with (the profile's), for operator intake. */
  identity: z.array(FieldView),
});

export const ReceiptResponse = z.object({ receipt: z.string() });
export const ReporterSessionRequest = z.object({ receipt: z.string().max(200) });
export const ReporterReport = z.object({
  category: CategoryRef,
  status: CaseStatus,
  statusText: z.string(),
  receivedAt: z.string(),
  answers: z.array(AnswerView),
  files: z.array(FileView.pick({ id: true, name: true, size: true, createdAt: true })),
  messages: z.array(MessageView.pick({ id: true, author: true, body: true, createdAt: true })),
});
export const ReporterMessageRequest = z.object({ body: userText().trim().min(1).max(20_000) });
