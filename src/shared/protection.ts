/**
 * Protection requests: a reporter who is in danger, or whose relatives are, asks for protection from the follow-up
 * page; staff must respond within the category's protectionResponseHours and record what was done. Shared by the
 * server (schemas, OpenAPI) and the staff workspace.
 * @see MSS Order No. 2 Art. 6(2) (protection of informants and their relatives); CEL 2023 Art. 46
 */
import { z } from 'zod';
import { userText } from './text.ts';

/** What staff did about a protection request. */
export const PROTECTION_OUTCOMES = ['protection_arranged', 'referred_to_police', 'advice_given', 'not_needed'] as const;
export const ProtectionOutcome = z.enum(PROTECTION_OUTCOMES);
export type ProtectionOutcome = z.infer<typeof ProtectionOutcome>;

/** The outcome as staff read it in the workspace. */
export const PROTECTION_OUTCOME_LABELS: Record<ProtectionOutcome, string> = {
  protection_arranged: 'Protection arranged',
  referred_to_police: 'Referred to the police',
  advice_given: 'Safety advice given',
  not_needed: 'Protection not needed',
};

/** Characters (code points) of the reporter's account of the danger. */
export const MAX_PROTECTION_ACCOUNT = 20_000;
/** Characters of the staff's note on the response (sealed under the case key; never shown to the reporter). */
export const MAX_PROTECTION_NOTE = 5_000;

/** One protection request, as staff holding the case see it. Times are ISO 8601 UTC. */
export const ProtectionRequestView = z.object({
  id: z.string(),
  requestedAt: z.string(),
  /** When staff must have responded: requestedAt + the category's protectionResponseHours. */
  dueAt: z.string(),
  /** Unanswered and past dueAt. */
  overdue: z.boolean(),
  /** The reporter's account of the danger; null when they gave none. */
  account: z.string().nullable(),
  respondedAt: z.string().nullable(),
  respondedBy: z.string().nullable(),
  outcome: ProtectionOutcome.nullable(),
  /** Staff's internal note on the response. */
  note: z.string().nullable(),
});
export type ProtectionRequestView = z.infer<typeof ProtectionRequestView>;

export const ProtectionList = z.object({
  /** Oldest first. */
  requests: z.array(ProtectionRequestView),
  /** Hours within which a new request must be answered, from the category's policy. */
  responseHours: z.number().int(),
});
export type ProtectionList = z.infer<typeof ProtectionList>;

export const ProtectionResponseRequest = z.object({
  outcome: ProtectionOutcome,
  note: userText().trim().max(MAX_PROTECTION_NOTE).optional(),
});

export const ReporterProtectionRequest = z.object({
  /** What is happening, in the reporter's words; optional. */
  account: userText().max(MAX_PROTECTION_ACCOUNT).optional(),
});

/** A protection request as the reporter sees it: when, by when, and the outcome in plain words (never the note). */
export const ReporterProtectionView = z.object({
  id: z.string(),
  requestedAt: z.string(),
  dueAt: z.string(),
  respondedAt: z.string().nullable(),
  outcome: ProtectionOutcome.nullable(),
  outcomeText: z.string().nullable(),
});
export type ReporterProtectionView = z.infer<typeof ReporterProtectionView>;

export const ReporterProtectionList = z.object({
  requests: z.array(ReporterProtectionView),
  /** Hours within which staff must respond to a request. */
  responseHours: z.number().int(),
});
export type ReporterProtectionList = z.infer<typeof ReporterProtectionList>;
