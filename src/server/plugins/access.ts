/**
 * Deny by default: every route declares who may call it in `config.access`, and the app refuses to start with a
 * route that does not. Staff routes also declare the roles they allow; record-level checks (grants) live in the
 * domain.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../../domain/viewer.ts';
import type { Deps } from '../../domain/deps.ts';
import { DomainError, errors } from '../../domain/errors.ts';
import {
  csrfTokenMatches,
  lookUpSession,
  sessionEndedError,
  type OpenedSession,
} from '../../domain/accounts/sessions.ts';
import { mustEnrol, totpStateOf } from '../../domain/accounts/totp.ts';
import type { Role } from '../../shared/api.ts';
import { findSessionUser } from '../../store/users.ts';

export type Access = 'public' | 'reporter' | 'staff';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Staff roles allowed (staff routes); every role when absent. */
    roles?: readonly Role[];
    /** Skip the CSRF token check (sign-in, where no session exists yet). */
    noCsrf?: boolean;
    /** Open to a user who must still set up two-factor sign-in (session, account); every other staff route is not. */
    duringTotpEnrolment?: boolean;
    /**
     * A reporter post that carries nothing the reporter wrote (sign-out): when the session has ended, the page does
     * not say that what they sent was not stored.
     */
    sendsNothing?: boolean;
  }
  interface FastifyRequest {
    viewer?: Viewer & { sessionId: string; username: string; displayName: string; totpEnrolmentRequired: boolean };
    reporter?: OpenedSession;
  }
}

export const STAFF_COOKIE = 'confide_staff';
export const REPORTER_COOKIE = 'confide_reporter';

/**
 * Session cookie attributes: HttpOnly, SameSite=Strict, path /, and Secure when `secureCookies` (an https public URL,
 * or CONFIDE_SECURE_COOKIES=1) or when this request arrived over HTTPS (directly, or as a trusted proxy says) — the
 * same rule as Strict-Transport-Security (plugins/headers.ts).
 */
export function cookieOptions(request: FastifyRequest, secureCookies: boolean) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: secureCookies || request.protocol === 'https',
  };
}

const unsafe = (m: string) => m !== 'GET' && m !== 'HEAD';

/**
 * Resolves the staff session.
 * @throws DomainError 401 `session_idle` | `session_cap` (it ran out: say so) | `unauthorized` (none, or disabled)
 */
export async function staffFromRequest(
  deps: Deps,
  request: FastifyRequest,
): Promise<NonNullable<FastifyRequest['viewer']>> {
  const { session, ended } = await lookUpSession(deps, request.cookies[STAFF_COOKIE], 'staff');
  if (!session?.userId) throw sessionEndedError(deps, 'staff', ended);
  const user = await findSessionUser(deps.db, session.userId);
  if (!user || user.disabled_at) throw sessionEndedError(deps, 'staff', null);
  return {
    userId: user.id,
    role: user.role,
    publicKey: user.public_key,
    secretKey: session.key,
    sessionId: session.id,
    username: user.username,
    displayName: user.display_name,
    totpEnrolmentRequired: mustEnrol(totpStateOf(deps, user)),
  };
}

export function registerAccess(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access)
      throw new Error(`Route ${route.method} ${route.url} declares no access (config.access): refusing to start.`);
  });

  app.addHook('preHandler', async (request: FastifyRequest, _reply: FastifyReply) => {
    const config = request.routeOptions.config;
    if (config.access === 'staff') {
      const viewer = await staffFromRequest(deps, request);
      if (config.roles && !config.roles.includes(viewer.role as Role)) throw errors.notFound('Not found.');
      if (
        unsafe(request.method) &&
        !config.noCsrf &&
        !csrfTokenMatches(deps, viewer.sessionId, request.headers['x-csrf-token'])
      )
        throw errors.forbidden(
          'The request is missing its security token, or it is out of date. Reload the page and try again.',
        );
      if (viewer.totpEnrolmentRequired && !config.duringTotpEnrolment)
        throw new DomainError(
          'forbidden',
          'totp_enrolment_required',
          'Your role signs in with a code from an authenticator app as well as the password. Set it up on your Account page first.',
        );
      request.viewer = viewer;
    } else if (config.access === 'reporter') {
      // Checked when the request starts, before a multipart body streams: an upload begun in time is taken in whole.
      const { session, ended } = await lookUpSession(deps, request.cookies[REPORTER_COOKIE], 'reporter');
      if (!session) throw sessionEndedError(deps, 'reporter', ended);
      if (unsafe(request.method) && !config.noCsrf) {
        const body = request.body as Record<string, unknown> | undefined;
        const token = request.headers['x-csrf-token'] ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
        // Multipart forms carry the token in the URL query (the body is a stream read later by the handler).
        const queryToken = (request.query as Record<string, unknown> | undefined)?._csrf;
        if (!csrfTokenMatches(deps, session.id, token) && !csrfTokenMatches(deps, session.id, queryToken))
          throw errors.forbidden(
            'The request is missing its security token, or it is out of date. Reload the page and try again.',
          );
      }
      request.reporter = session;
    }
  });
}
