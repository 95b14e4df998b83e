/** Who can be chosen in the Access section's pickers, from the handlers and the case's current access. */
import type { z } from 'zod';
import type { CaseAccess, StaffListItem } from '../../shared/api.ts';

export type StaffOption = z.output<typeof StaffListItem>;

export interface PickerOption {
  id: string;
  label: string;
}

/**
 * Handlers the case can be granted to: everyone not yet granted. Excluded people stay in the list, marked, so
 * choosing one shows the server's refusal and its reason instead of a silent gap.
 */
export function grantOptions(staff: readonly StaffOption[], access: CaseAccess): PickerOption[] {
  const granted = new Set(access.grants.map((g) => g.userId));
  const excluded = new Set(access.exclusions.map((e) => e.userId));
  return staff
    .filter((person) => !granted.has(person.id))
    .map((person) => ({
      id: person.id,
      label: excluded.has(person.id) ? `${person.displayName} (excluded)` : person.displayName,
    }));
}

/** Staff who can still be excluded: everyone not excluded already. */
export function exclusionOptions(staff: readonly StaffOption[], access: CaseAccess): PickerOption[] {
  const excluded = new Set(access.exclusions.map((e) => e.userId));
  return staff
    .filter((person) => !excluded.has(person.id))
    .map((person) => ({ id: person.id, label: person.displayName }));
}
