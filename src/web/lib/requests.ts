/**
 * Approvals in the workspace, as pure functions: statuses in words, which kinds a viewer may ask for, what the
 * request form needs for a kind, the problems to fix before sending, and the request body.
 */
import {
  REQUEST_KINDS,
  REQUEST_SUBJECTS,
  type CreateRequestBody,
  type RequestKind,
  type RequestStatus,
  type RequestView,
} from '../../shared/requests.ts';
import { i18n } from '../i18n/language.ts';
import type { Answer } from './answers.ts';

/** What a request asks for, in the workspace's language (REQUEST_TITLES in English). */
export function requestTitle(kind: RequestKind): string {
  return i18n.t(`requestKind.${kind}`);
}

/** A request's state in words; an approved identity disclosure is done at once. */
export function statusText(request: Pick<RequestView, 'kind' | 'status'>): string {
  if (request.kind === 'identity_disclosure' && request.status === 'used') return i18n.t('requestStatus.disclosed');
  return i18n.t(`requestStatus.${request.status satisfies RequestStatus}`);
}

/**
 * How a request stands, in words, followed by a date (`at`, to show after the text) when there is one: "Refused by
 * X, " + the decision date; for an approval that was given and then not used in time, "Approved by X, expired on "
 * + its expiry (never "Expired by X": the decider approved it, time expired it).
 */
export function decisionSummary(
  request: Pick<RequestView, 'kind' | 'status' | 'decidedAt' | 'deciderName' | 'expiresAt'>,
): { text: string; at: string | null } {
  const name = request.deciderName;
  if (request.status === 'expired' && request.decidedAt !== null)
    return {
      text: name ? i18n.t('requests.expiredBy', { name }) : i18n.t('requests.expiredOn'),
      at: request.expiresAt,
    };
  if (request.decidedAt !== null) {
    const status = statusText(request);
    return {
      text: name ? i18n.t('requests.decidedBy', { status, name }) : i18n.t('requests.decided', { status }),
      at: request.decidedAt,
    };
  }
  return { text: statusText(request), at: null };
}

/** What the request's expiry means now: the time to decide by, or to use the approval by; null once settled. */
export function expiryLabel(request: Pick<RequestView, 'status'>): string | null {
  if (request.status === 'pending') return i18n.t('requests.decideBy');
  if (request.status === 'approved') return i18n.t('requests.useBy');
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
    (kind) => ({ value: kind, label: requestTitle(kind) }),
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
  if (draft.kind === '') problems.kind = i18n.t('requests.problems.kind');
  const subject = subjectOf(draft.kind);
  if (subject && draft.subject === '')
    problems.subject = i18n.t(subject === 'file' ? 'requests.problems.file' : 'requests.problems.user');
  if (draft.reason.trim() === '') problems.reason = i18n.t('requests.problems.reason');
  if (draft.legalBasis.trim() === '') problems.legalBasis = i18n.t('requests.problems.legalBasis');
  if (needsNotice(draft.kind) && draft.reporterNotice.trim() === '')
    problems.reporterNotice = i18n.t('requests.problems.reporterNotice');
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
