/**
 * Who can ever hold a case, as one rule for granting it (src/domain/cases/grants.ts) and for asking to grant it
 * outside the category's staff (src/domain/requests/checks.ts): handlers and supervisors hold ordinary cases;
 * only oversight officers hold a complaint about an official. Custodians, administrators and operators never do.
 * @see CEL 2023 Art. 52 (complaints about officials); DESIGN "Who uses it"
 */
import type { Role } from '../../shared/api.ts';
import type { Category } from '../../shared/profile.ts';

/** Roles that can hold a grant on an ordinary case. */
export const GRANTABLE_ROLES: readonly Role[] = ['handler', 'supervisor'];

export const EXCLUSION_REASONS = {
  named_in_report: 'named in the report',
  conflict_of_interest: 'a conflict of interest',
  other: 'another reason recorded on the case',
} as const;
export type ExclusionReason = keyof typeof EXCLUSION_REASONS;

/** Why a user of this role can never be granted a case of this category, in plain words; null when they can. */
export function whyNotGrantable(role: string, category: Pick<Category, 'kind'> | undefined): string | null {
  if (category?.kind === 'complaint_about_official')
    return role === 'oversight'
      ? null
      : 'A complaint about an official is granted only to oversight officers (Counter-Espionage Law 2023, Article 52).';
  return GRANTABLE_ROLES.includes(role as Role)
    ? null
    : `Cases are granted to handlers and supervisors, not to the role “${role}”.`;
}
