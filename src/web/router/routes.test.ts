import { describe, expect, it } from 'vitest';
import { casePath, casesPath, matchRoute, statisticsPath } from './routes.ts';

describe('matchRoute', () => {
  it('matches the case list with and without the trailing slash', () => {
    expect(matchRoute('/staff/')).toEqual({ name: 'cases' });
    expect(matchRoute('/staff')).toEqual({ name: 'cases' });
  });

  it('matches a case and decodes its id', () => {
    expect(matchRoute('/staff/cases/c_123')).toEqual({ name: 'case', id: 'c_123' });
    expect(matchRoute('/staff/cases/c_123/')).toEqual({ name: 'case', id: 'c_123' });
    expect(matchRoute('/staff/cases/a%2Fb')).toEqual({ name: 'case', id: 'a/b' });
  });

  it('matches the statistics page', () => {
    expect(matchRoute('/staff/statistics')).toEqual({ name: 'statistics' });
    expect(matchRoute('/staff/statistics/')).toEqual({ name: 'statistics' });
    expect(matchRoute('/staff/statistics/x')).toEqual({ name: 'notFound' });
    expect(statisticsPath('?from=2026-01-05')).toBe('/staff/statistics?from=2026-01-05');
  });

  it('refuses other paths and malformed escapes', () => {
    expect(matchRoute('/staff/cases/')).toEqual({ name: 'notFound' });
    expect(matchRoute('/staff/cases/a/b')).toEqual({ name: 'notFound' });
    expect(matchRoute('/staff/settings')).toEqual({ name: 'notFound' });
    expect(matchRoute('/staffx/')).toEqual({ name: 'notFound' });
    expect(matchRoute('/staff/cases/%E0%A4%A')).toEqual({ name: 'notFound' });
  });

  it('builds paths that match back', () => {
    expect(casePath('a/b c')).toBe('/staff/cases/a%2Fb%20c');
    expect(matchRoute(casePath('a/b c'))).toEqual({ name: 'case', id: 'a/b c' });
    expect(casesPath('?status=closed')).toBe('/staff/?status=closed');
    expect(casesPath()).toBe('/staff/');
  });
});
