/** Who can be chosen in the Access section's pickers, from the handlers and the case's current access. */
import type { z } from 'zod';
import type { CaseAccess, StaffListItem } from '../../shared/api.ts';
import { i18n } from '../i18n/instance.ts';
import { roleLabel } from './labels.ts';

export type StaffOption = z.output<typeof StaffListItem>;

export interface PickerOption {
  id: string;
  label: string;
  /** Works outside the case's category: granting needs an approved request (two-person rule). */
  outside?: boolean;
  /** Not offered: the option shows, disabled, with this reason in its label. */
  unavailable?: boolean;
}

/**
 * Everyone who could hold the case (handlers and supervisors; oversight officers for a complaint), each either
 * offered or shown disabled with the reason the server would refuse: already holds the case, or excluded from it.
 * People who work outside the case's category (`categoryId`) are offered, marked, since granting to them needs an
 * approved request (two-person rule). Offered people come first.
 */
export function grantOptions(staff: readonly StaffOption[], access: CaseAccess, categoryId?: string): PickerOption[] {
  const granted = new Set(access.grants.map((g) => g.userId));
  const excluded = new Set(access.exclusions.map((e) => e.userId));
  const seen = new Set<string>();
  const options = staff
    .filter((person) => !seen.has(person.id) && seen.add(person.id))
    .map((person): PickerOption => {
      const name = `${person.displayName} · ${roleLabel(person.role)}`;
      if (granted.has(person.id))
        return { id: person.id, label: i18n.t('access.mark.holds', { name }), unavailable: true };
      if (excluded.has(person.id))
        return { id: person.id, label: i18n.t('access.mark.excluded', { name }), unavailable: true };
      const outside = categoryId !== undefined && person.categories !== null && !person.categories.includes(categoryId);
      return {
        id: person.id,
        label: outside ? i18n.t('access.mark.outside', { name }) : name,
        ...(outside ? { outside } : {}),
      };
    });
  return [...options.filter((o) => !o.unavailable), ...options.filter((o) => o.unavailable)];
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
