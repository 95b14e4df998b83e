import { describe, expect, it } from 'vitest';
import {
  auditFilterProblem,
  auditFiltersToSearch,
  hasAuditFilters,
  parseAuditFilters,
  referenceIn,
} from './audit-filters.ts';

describe('audit log filters in the URL', () => {
  it('read back what they wrote, in a fixed order', () => {
    const filters = { subject: 'R-1A2B3C4D', action: 'case.', actor: 'u-1', to: '2026-03-31', from: '2026-03-01' };
    const search = auditFiltersToSearch(filters);
    expect(search).toBe('?from=2026-03-01&to=2026-03-31&actor=u-1&action=case.&subject=R-1A2B3C4D');
    expect(parseAuditFilters(search)).toEqual(filters);
    expect(auditFiltersToSearch({})).toBe('');
    expect(hasAuditFilters({})).toBe(false);
    expect(hasAuditFilters({ action: 'file.' })).toBe(true);
  });

  it('drop values the server would refuse', () => {
    expect(parseAuditFilters('?from=yesterday&to=2026-3-1&action=DROP%20TABLE&actor=&subject=%20')).toEqual({});
    expect(parseAuditFilters('?action=Case.Read')).toEqual({ action: 'case.read' });
  });
});

describe('checking the filter form', () => {
  it('names the field to fix', () => {
    expect(auditFilterProblem({ from: '2026-03-05', to: '2026-03-01' })).toEqual({
      field: 'from',
      message: 'The start date must not be after the end date.',
    });
    expect(auditFilterProblem({ action: 'case read' })).toMatchObject({ field: 'action' });
    expect(auditFilterProblem({ from: '2026-03-01', action: 'case.' })).toBeNull();
  });

  it('knows a report reference when the subject is one', () => {
    expect(referenceIn(' r-1a2b3c4d ')).toBe('R-1A2B3C4D');
    expect(referenceIn('report:0f0e')).toBeNull();
    expect(referenceIn(undefined)).toBeNull();
  });
});
