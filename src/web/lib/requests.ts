/**
 * Approvals in the workspace, as pure functions: statuses in words, which kinds a viewer may ask for, what the
 * request form needs for a kind, the problems to fix before sending, and the request body.
 */
import {
  REQUEST_KINDS,
  REQUEST_SUBJECTS,
  REQUEST_TITLES,
  type CreateRequestBody,
  type RequestKind,
  type RequestStatus,
  type RequestView,
} from '../../shared/requests.ts';
import type { Answer } from './answers.ts';

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  pending: 'Waiting for a decision',
  approved: 'Approved, not used yet',
  refused: 'Refused',
  expired: 'Expired',
  used: 'Approved and used',
  withdrawn: 'Withdrawn',
};

/** A request's state in words; an approved identity disclosure is done at once. */
export function statusText(request: Pick<RequestView, 'kind' | 'status'>): string {
  if (request.kind === 'identity_disclosure' && request.status === 'used') return 'Approved: identity disclosed';
  return REQUEST_STATUS_LABELS[request.status];
}

/**
 * How a request stands, in words, followed by a date (`at`, to show after the text) when there is one: "Refused by
 * X, " + the decision date; for an approval that was given and then not used in time, "Approved by X, expired on "
 * + its expiry (never "Expired by X": the decider approved it, time expired it).
 */
export function decisionSummary(
  request: Pick<RequestView, 'kind' | 'status' | 'decidedAt' | 'deciderName' | 'expiresAt'>,
): { text: string; at: string | null } {
  const by = request.deciderName ? ` by ${request.deciderName}` : '';
  if (request.status === 'expired' && request.decidedAt !== null)
    return { text: `Approved${by}, expired on `, at: request.expiresAt };
  if (request.decidedAt !== null) return { text: `${statusText(request)}${by}, `, at: request.decidedAt };
  return { text: statusText(request), at: null };
}

/** What the request's expiry means now: the time to decide by, or to use the approval by; null once settled. */
export function expiryLabel(request: Pick<RequestView, 'status'>): string | null {
  if (request.status === 'pending') return 'Decide by';
  if (request.status === 'approved') return 'Use by';
  return null;
}

/**
 * Kinds only those who manage the case's access ask for: granting outside its staff, lifting a named exclusion,
 * excluding another manager or the last holder of a key.
 */
const ACCESS_KINDS: readonly RequestKind[] = ['grant_outside', 'lift_exclusion', 'exclude_holder'];
/** Kinds only those who do not manage the case ask for: a manager closes it alone. */
const HOLDER_KINDS: readonly RequestKind[] = ['close_case'];

/** Kinds a holder of the case may ask for: the access kinds only for those who manage it, closing only for others. */
export function requestKindOptions(canManageAccess: boolean): { value: RequestKind; label: string }[] {
  return REQUEST_KINDS.filter((kind) => !(canManageAccess ? HOLDER_KINDS : ACCESS_KINDS).includes(kind)).map(
    (kind) => ({ value: kind, label: REQUEST_TITLES[kind] }),
  );
}

export interface RequestDraft {
  kind: RequestKind | '';
  /** A file id or a user id, for kinds that name one. */
  subject: string;
  reason: string;
  legalBasis: string;
  /** Identity disclosure: what the reporter will be told. */
  reporterNotice: string;
}

export const EMPTY_DRAFT: RequestDraft = { kind: '', subject: '', reason: '', legalBasis: '', reporterNotice: '' };

/** What a kind's subject is: a file of the case, a staff member, or nothing. */
export function subjectOf(kind: RequestKind | ''): 'file' | 'user' | null {
  return kind === '' ? null : (REQUEST_SUBJECTS[kind] ?? null);
}

/** Identity disclosure tells the reporter (EU 2019/1937 Art. 16(3)), so the requester writes what they read. */
export const needsNotice = (kind: RequestKind | ''): boolean => kind === 'identity_disclosure';

export type DraftField = keyof RequestDraft;

/** Problems to fix before sending, by field, in the order of the form; empty when the draft can be sent. */
export function draftProblems(draft: RequestDraft): Partial<Record<DraftField, string>> {
  const problems: Partial<Record<DraftField, string>> = {};
  if (draft.kind === '') problems.kind = 'Choose what you ask approval for.';
  const subject = subjectOf(draft.kind);
  if (subject && draft.subject === '')
    problems.subject = subject === 'file' ? 'Choose the file.' : 'Choose the staff member.';
  if (draft.reason.trim() === '') problems.reason = 'Give the reason: why this is needed.';
  if (draft.legalBasis.trim() === '') problems.legalBasis = 'Give the legal basis, for example the article of the law.';
  if (needsNotice(draft.kind) && draft.reporterNotice.trim() === '')
    problems.reporterNotice = 'Write what the reporter will be told once it is approved.';
  return problems;
}

/** The body of `POST /requests`: the subject and the reporter's notice only where the kind takes them. */
export function requestBody(caseId: string, draft: RequestDraft & { kind: RequestKind }): CreateRequestBody {
  return {
    caseId,
    kind: draft.kind,
    reason: draft.reason.trim(),
    legalBasis: draft.legalBasis.trim(),
    ...(subjectOf(draft.kind) ? { subject: draft.subject } : {}),
    ...(needsNotice(draft.kind) ? { reporterNotice: draft.reporterNotice.trim() } : {}),
  };
}

/** Whether any identity question was answered (a reporter may have stayed anonymous). */
export function hasAnswers(answers: readonly Answer[]): boolean {
  return answers.some(
    (a) => a.value !== null && a.value !== false && a.value !== '' && !(Array.isArray(a.value) && a.value.length === 0),
  );
}

/** The requests of `items` grouped as the Requests page shows "My requests": waiting first, then the rest. */
export function splitMine(items: readonly RequestView[]): { open: RequestView[]; settled: RequestView[] } {
  const open = items.filter((r) => r.status === 'pending' || r.status === 'approved');
  return { open, settled: items.filter((r) => !open.includes(r)) };
}
