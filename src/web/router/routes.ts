/**
 * The workspace's routes, as pure functions of the path, so they can be tested without a browser.
 * The SPA lives under `/staff/`; the server falls back to `index.html` for any path below it.
 */
import type { Role } from '../../shared/api.ts';

export const BASE_PATH = '/staff';

export type Route =
  | { name: 'cases' }
  | { name: 'case'; id: string }
  | { name: 'statistics' }
  | { name: 'audit' }
  | { name: 'users' }
  | { name: 'admin' }
  | { name: 'account' }
  | { name: 'requests' }
  | { name: 'verify' }
  | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  if (pathname === BASE_PATH || pathname === `${BASE_PATH}/`) return { name: 'cases' };
  if (pathname === `${BASE_PATH}/statistics` || pathname === `${BASE_PATH}/statistics/`) return { name: 'statistics' };
  if (pathname === `${BASE_PATH}/audit` || pathname === `${BASE_PATH}/audit/`) return { name: 'audit' };
  if (pathname === `${BASE_PATH}/users` || pathname === `${BASE_PATH}/users/`) return { name: 'users' };
  if (pathname === `${BASE_PATH}/admin` || pathname === `${BASE_PATH}/admin/`) return { name: 'admin' };
  if (pathname === `${BASE_PATH}/account` || pathname === `${BASE_PATH}/account/`) return { name: 'account' };
  if (pathname === `${BASE_PATH}/requests` || pathname === `${BASE_PATH}/requests/`) return { name: 'requests' };
  if (pathname === `${BASE_PATH}/verify` || pathname === `${BASE_PATH}/verify/`) return { name: 'verify' };
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

/** The administrator's staff accounts page (administrators only; the server enforces the same). */
export const usersPath = (): string => `${BASE_PATH}/users`;

/** The administration: the profile's texts, channels, categories and questionnaires, versions, changes (administrators only). */
export const adminPath = (): string => `${BASE_PATH}/admin`;

/** The signed-in user's own account: two-factor sign-in and password (everyone). */
export const accountPath = (): string => `${BASE_PATH}/account`;

/** Approvals: requests waiting for my decision and my own requests. */
export const requestsPath = (): string => `${BASE_PATH}/requests`;

/** Who sees the Requests page (and its link): those who ask for approvals and those who decide them. */
export const REQUEST_ROLES: readonly Role[] = ['supervisor', 'handler', 'oversight', 'custodian'];

/** Checking a certificate of receipt's verification code. */
export const verifyPath = (): string => `${BASE_PATH}/verify`;

/** Who sees the certificate check (and its link); the server enforces the same roles. */
export const VERIFY_ROLES: readonly Role[] = ['supervisor', 'handler', 'oversight', 'custodian'];

/** Who sees the statistics page (and its link); the server enforces the same roles. */
export const STATISTICS_ROLES: readonly Role[] = ['supervisor', 'administrator'];

/** `/staff/audit` with an optional query string (`?from=2026-03-01&action=case.`). */
export function auditPath(search = ''): string {
  return `${BASE_PATH}/audit${search}`;
}

/** Who sees the audit log (and its link); the server enforces the same role. */
export const AUDIT_ROLES: readonly Role[] = ['oversight'];
