import { describe, expect, it } from 'vitest';
import { accountPath, matchRoute, usersPath } from './routes.ts';

describe('staff account routes', () => {
  it('matches the users and account pages with and without the trailing slash', () => {
    expect(matchRoute('/staff/users')).toEqual({ name: 'users' });
    expect(matchRoute('/staff/users/')).toEqual({ name: 'users' });
    expect(matchRoute('/staff/account')).toEqual({ name: 'account' });
    expect(matchRoute('/staff/account/')).toEqual({ name: 'account' });
    expect(matchRoute('/staff/users/x')).toEqual({ name: 'notFound' });
    expect(usersPath()).toBe('/staff/users');
    expect(accountPath()).toBe('/staff/account');
  });
});
