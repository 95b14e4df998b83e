/**
 * Who can be excluded from a case, and when excluding needs a second person — one rule for excluding
 * (src/domain/cases/exclusions.ts) and for asking to (src/domain/requests/checks.ts).
 * - Only people who could otherwise be granted the case (src/domain/cases/grantable.ts): never an identity
 *   custodian, whose identity grant may be the only way left to the reporter's identity.
 * - Excluding another manager of the case, or the last active holder of one of its keys, needs an approved
 *   `exclude_holder` request: one manager alone could otherwise lock a colleague out for good, or leave the
 *   evidence key or a disclosed identity with no one who can open it (grants cannot be made again without a holder).
 * @see issue 8 item 3; CEL 2023 Art. 52
 */
import type { Category } from '../../shared/profile.ts';
import type { Database } from '../../store/database.ts';
import { hasOtherActiveHolder, listHeldScopes } from '../../store/grants.ts';
import type { GrantsTable } from '../../store/tables.ts';
import { managerRole } from '../approvals/kinds.ts';
import { whyNotGrantable } from './grantable.ts';

/** Why a person of this role cannot be excluded from a case of this category, in plain words; null when they can. */
export function whyNotExcludable(
  user: { role: string; display_name: string },
  category: Pick<Category, 'kind'> | undefined,
): string | null {
  if (user.role === 'custodian')
    return `${user.display_name} is an identity custodian: custodians hold the reporter's identity, not the case, and excluding one could leave the identity with no one who can open it. Only staff who could be granted the case can be excluded.`;
  const notGrantable = whyNotGrantable(user.role, category);
  return notGrantable
    ? `${user.display_name} could never be granted this case, so there is nothing to exclude them from. ${notGrantable}`
    : null;
}

const KEY_WORDS: Record<GrantsTable['scope'], string> = {
  case: 'the case',
  identity: "the reporter's identity (disclosed to them)",
  evidence: 'the key to the original files',
};

/**
 * Why excluding this person needs an approved `exclude_holder` request, in plain words; null when a manager may
 * exclude them alone. Holders counted are enabled and activated accounts other than the person.
 * @param db the database, or the transaction to read in
 */
export async function whyExclusionNeedsApproval(
  db: Database,
  reportId: string,
  user: { id: string; role: string; display_name: string },
  category: Pick<Category, 'kind'> | undefined,
): Promise<string | null> {
  const scopes = await listHeldScopes(db, reportId, user.id);
  if (scopes.includes('case') && user.role === managerRole(category)) return `${user.display_name} manages this case.`;
  for (const scope of scopes) {
    if (!(await hasOtherActiveHolder(db, reportId, scope, user.id)))
      return `${user.display_name} is the only active person who holds ${KEY_WORDS[scope]}: excluding them would leave it with no one who can open it.`;
  }
  return null;
}
