/**
 * Shapes of the JSON API (`/api/v1`), shared by the server (request and response schemas, OpenAPI) and the
 * staff workspace. A response schema lists every field that may leave the server: a field not named here is
 * stripped, so a new column cannot leak.
 */
import { z } from 'zod';

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

export const CHANNELS = ['web', 'phone', 'post', 'email', 'in_person'] as const;
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
  size: z.number().int(),
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
  body: z.string(),
  createdAt: z.string(),
});
export type MessageView = z.infer<typeof MessageView>;

export const CaseDetail = CaseSummary.extend({
  acknowledgementDueAt: z.string().nullable(),
  feedbackDueAt: z.string().nullable(),
  answers: z.array(AnswerView),
  files: z.array(FileView),
  messages: z.array(MessageView),
  allowedTransitions: z.array(CaseStatus),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const MessageRequest = z.object({
  body: z.string().trim().min(1).max(20_000),
  visibility: z.enum(['reporter', 'internal']),
});
export const StatusRequest = z.object({
  status: CaseStatus,
  reason: z.string().trim().max(2_000).optional(),
  outcome: Outcome.optional(),
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
export const CategoryList = z.object({ categories: z.array(CategoryView) });

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
export const ReporterMessageRequest = z.object({ body: z.string().trim().min(1).max(20_000) });
