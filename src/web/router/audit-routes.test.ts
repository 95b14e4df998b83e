import { describe, expect, it } from 'vitest';
import { AUDIT_ROLES, auditPath, matchRoute } from './routes.ts';

describe('the audit log route', () => {
  it('matches /staff/audit with and without the trailing slash, for oversight officers only', () => {
    expect(matchRoute('/staff/audit')).toEqual({ name: 'audit' });
    expect(matchRoute('/staff/audit/')).toEqual({ name: 'audit' });
    expect(matchRoute('/staff/audit/x')).toEqual({ name: 'notFound' });
    expect(auditPath('?action=case.')).toBe('/staff/audit?action=case.');
    expect(AUDIT_ROLES).toEqual(['oversight']);
  });
});
