/**
 * The sensitive actions that need a second person (the two-person rule), who may decide each, and how long a
 * request stays open. A request is decided by someone other than its requester: identity disclosure by an identity
 * custodian, everything else by a person who manages the case (a supervisor holding it; an oversight officer for a
 * complaint about an official). The kinds and their titles live in src/shared/requests.ts, so the workspace
 * shows the same words.
 * @see CEL 2023 Art. 25–31 (prior approval, two officers), MSS Order No. 2 Art. 6(1), EU 2019/1937 Art. 16
 */
import type { Category } from '../../shared/profile.ts';
import { REQUEST_KINDS, REQUEST_SUBJECTS, REQUEST_TITLES, type RequestKind } from '../../shared/requests.ts';

export { REQUEST_KINDS, REQUEST_TITLES, type RequestKind };

/** Kinds whose `subject` names something: a file id (open_original) or a user id (grant_outside). */
export const SUBJECT_KINDS: ReadonlySet<RequestKind> = new Set(
  REQUEST_KINDS.filter((kind) => REQUEST_SUBJECTS[kind] !== undefined),
);

/** Days a request waits for a decision, and then days an approval may be used, before it expires. */
export const REQUEST_TTL_DAYS = 7;

/** The role that decides a kind on a case of this category. */
export function deciderRole(kind: RequestKind, category: Pick<Category, 'kind'> | undefined): string {
  if (kind === 'identity_disclosure') return 'custodian';
  return category?.kind === 'complaint_about_official' ? 'oversight' : 'supervisor';
}

/** The roles that manage a case of this category (grant it, decide its requests). */
export function managerRole(category: Pick<Category, 'kind'> | undefined): string {
  return category?.kind === 'complaint_about_official' ? 'oversight' : 'supervisor';
}
