/** Who can be chosen in the Access section's pickers, from the handlers and the case's current access. */
import type { z } from 'zod';
import type { CaseAccess, StaffListItem } from '../../shared/api.ts';
import { i18n } from '../i18n/instance.ts';

export type StaffOption = z.output<typeof StaffListItem>;

export interface PickerOption {
  id: string;
  label: string;
  /** Works outside the case's category: granting needs an approved request (two-person rule). */
  outside?: boolean;
}

/**
 * Staff the case can be granted to: everyone not yet granted. Excluded people stay in the list, marked, so
 * choosing one shows the server's refusal and its reason instead of a silent gap; so do people who work outside
 * the case's category (`categoryId`), marked, since granting to them needs an approval.
 */
export function grantOptions(staff: readonly StaffOption[], access: CaseAccess, categoryId?: string): PickerOption[] {
  const granted = new Set(access.grants.map((g) => g.userId));
  const excluded = new Set(access.exclusions.map((e) => e.userId));
  return staff
    .filter((person) => !granted.has(person.id))
    .map((person) => {
      const outside = categoryId !== undefined && person.categories !== null && !person.categories.includes(categoryId);
      const isExcluded = excluded.has(person.id);
      const mark = isExcluded && outside ? 'excludedOutside' : isExcluded ? 'excluded' : outside ? 'outside' : null;
      return {
        id: person.id,
        label: mark ? i18n.t(`access.mark.${mark}`, { name: person.displayName }) : person.displayName,
        ...(outside ? { outside } : {}),
      };
    });
}

/**
 * Staff who can still be excluded: everyone not excluded already. Those who hold the case in the managing role
 * (`managerRole`: supervisors; oversight officers for a complaint) are marked, since excluding them needs an
 * approval (the server also asks for one to exclude the last holder of a key, and says so).
 */
export function exclusionOptions(
  staff: readonly StaffOption[],
  access: CaseAccess,
  managerRole: StaffOption['role'] = 'supervisor',
): PickerOption[] {
  const excluded = new Set(access.exclusions.map((e) => e.userId));
  const managers = new Set(access.grants.filter((g) => g.role === managerRole).map((g) => g.userId));
  return staff
    .filter((person) => !excluded.has(person.id))
    .map((person) => ({
      id: person.id,
      label: managers.has(person.id) ? i18n.t('access.mark.manager', { name: person.displayName }) : person.displayName,
    }));
}
