/**
 * The workspace's routes, as pure functions of the path, so they can be tested without a browser.
 * The SPA lives under `/staff/`; the server falls back to `index.html` for any path below it.
 */
import type { Role } from '../../shared/api.ts';

export const BASE_PATH = '/staff';

export type Route = { name: 'cases' } | { name: 'case'; id: string } | { name: 'statistics' } | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  if (pathname === BASE_PATH || pathname === `${BASE_PATH}/`) return { name: 'cases' };
  if (pathname === `${BASE_PATH}/statistics` || pathname === `${BASE_PATH}/statistics/`) return { name: 'statistics' };
  const match = /^\/staff\/cases\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1]) {
    try {
      return { name: 'case', id: decodeURIComponent(match[1]) };
    } catch {
      // A malformed %-escape is no case id.
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

/** `/staff/` with an optional query string (`?status=received`). */
export function casesPath(search = ''): string {
  return `${BASE_PATH}/${search}`;
}

export function casePath(id: string): string {
  return `${BASE_PATH}/cases/${encodeURIComponent(id)}`;
}

/** `/staff/statistics` with an optional query string (`?from=2026-01-05&to=2026-03-29`). */
export function statisticsPath(search = ''): string {
  return `${BASE_PATH}/statistics${search}`;
}

/** Who sees the statistics page (and its link); the server enforces the same roles. */
export const STATISTICS_ROLES: readonly Role[] = ['supervisor', 'administrator'];
