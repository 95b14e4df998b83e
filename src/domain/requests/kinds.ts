/**
 * The sensitive actions that need a second person (the two-person rule), who may decide each, and how long a
 * request stays open. A request is decided by someone other than its requester: identity disclosure by an identity
 * custodian, everything else by a person who manages the case (a supervisor holding it; an oversight officer for a
 * complaint about an official).
 * @see CEL 2023 Art. 25–31 (prior approval, two officers), MSS Order No. 2 Art. 6(1), EU 2019/1937 Art. 16
 */
import type { Category } from '../../shared/profile.ts';

export const REQUEST_KINDS = [
  'identity_disclosure',
  'open_original',
  'early_deletion',
  'export',
  'grant_outside',
  'enforcement_action',
  'knowingly_false',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** What each kind asks for, in plain words (workspace, notices, audit export). */
export const REQUEST_TITLES: Record<RequestKind, string> = {
  identity_disclosure: "Disclose the reporter's identity",
  open_original: 'Open an original file (with its metadata)',
  early_deletion: 'Delete the case before its retention ends',
  export: 'Export or refer the case outside',
  grant_outside: "Grant the case to someone outside the category's staff",
  enforcement_action: 'Record an enforcement action',
  knowingly_false: 'Mark the report knowingly false',
};

/** Kinds whose `subject` names something: a file id (open_original) or a user id (grant_outside). */
export const SUBJECT_KINDS: ReadonlySet<RequestKind> = new Set(['open_original', 'grant_outside']);

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
