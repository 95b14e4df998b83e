import { describe, expect, it } from 'vitest';
import { matchRoute, REQUEST_ROLES, requestsPath } from './routes.ts';

describe('requests route', () => {
  it('matches the Requests page with and without the trailing slash', () => {
    expect(matchRoute('/staff/requests')).toEqual({ name: 'requests' });
    expect(matchRoute('/staff/requests/')).toEqual({ name: 'requests' });
    expect(matchRoute('/staff/requests/x')).toEqual({ name: 'notFound' });
    expect(requestsPath()).toBe('/staff/requests');
  });

  it('is for those who ask and those who decide, not administrators or operators', () => {
    expect([...REQUEST_ROLES].sort()).toEqual(['custodian', 'handler', 'oversight', 'supervisor']);
  });
});
