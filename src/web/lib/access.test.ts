import { describe, expect, it } from 'vitest';
import type { CaseAccess } from '../../shared/api.ts';
import { exclusionOptions, grantOptions, type StaffOption } from './access.ts';

const person = (id: string, displayName: string, categories: string[] | null = null): StaffOption => ({
  id,
  username: id,
  displayName,
  role: 'handler',
  categories,
});
const staff = [person('u1', 'Ana'), person('u2', 'Ben'), person('u3', 'Cem')];
const access: CaseAccess = {
  grants: [{ userId: 'u1', displayName: 'Ana', role: 'handler', grantedAt: '2024-03-05T10:00:00Z' }],
  exclusions: [
    { userId: 'u3', displayName: 'Cem', reason: 'named_in_report', note: null, createdAt: '2024-03-05T10:00:00Z' },
  ],
};

describe('access pickers', () => {
  it('offers everyone who could hold the case, and shows the others disabled with the reason', () => {
    const sup = { ...person('u5', 'Eva'), role: 'supervisor' as const };
    expect(grantOptions([...staff, sup], access)).toEqual([
      { id: 'u2', label: 'Ben · Handler' },
      { id: 'u5', label: 'Eva · Supervisor' },
      { id: 'u1', label: 'Ana · Handler — already holds the case', unavailable: true },
      { id: 'u3', label: 'Cem · Handler — excluded from this case: cannot be granted it', unavailable: true },
    ]);
  });

  it('offers to exclude those not excluded yet', () => {
    expect(exclusionOptions(staff, access)).toEqual([
      { id: 'u1', label: 'Ana' },
      { id: 'u2', label: 'Ben' },
    ]);
  });

  it('marks the managers holding the case, whose exclusion needs an approval', () => {
    const sup = { ...person('u5', 'Eva'), role: 'supervisor' as const };
    const held: CaseAccess = {
      ...access,
      grants: [
        ...access.grants,
        { userId: 'u5', displayName: 'Eva', role: 'supervisor', grantedAt: '2024-03-05T10:00:00Z' },
      ],
    };
    expect(exclusionOptions([...staff, sup], held)).toEqual([
      { id: 'u1', label: 'Ana' },
      { id: 'u2', label: 'Ben' },
      { id: 'u5', label: 'Eva (manages the case: needs an approval)' },
    ]);
    expect(exclusionOptions([sup], held, 'oversight')).toEqual([{ id: 'u5', label: 'Eva' }]);
  });

  it("marks those who work outside the case's category, whose grant needs an approval", () => {
    const mixed = [person('u2', 'Ben', ['espionage']), person('u4', 'Dana', ['leak']), person('u3', 'Cem', ['leak'])];
    expect(grantOptions(mixed, access, 'espionage')).toEqual([
      { id: 'u2', label: 'Ben · Handler' },
      { id: 'u4', label: 'Dana · Handler — outside the category: needs an approved request', outside: true },
      { id: 'u3', label: 'Cem · Handler — excluded from this case: cannot be granted it', unavailable: true },
    ]);
  });

  it('offers everyone when nobody has access or is excluded', () => {
    const none: CaseAccess = { grants: [], exclusions: [] };
    expect(grantOptions(staff, none).map((o) => o.label)).toEqual(['Ana · Handler', 'Ben · Handler', 'Cem · Handler']);
    expect(exclusionOptions([], none)).toEqual([]);
  });
});
