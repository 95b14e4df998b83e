/** Staff sign-in and sign-out. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfTokenFor, deleteSession } from '../../../domain/sessions.ts';
import { checkThrottle, clearThrottle, recordFailure } from '../../../domain/throttle.ts';
import { presentUser, signIn, signInThrottleKey } from '../../../domain/users.ts';
import { ErrorBody, SessionRequest, SessionResponse } from '../../../shared/api.ts';
import type { RouteContext } from '../../app.ts';
import { cookieOptions, STAFF_COOKIE } from '../../plugins/access.ts';

const RULE = { limit: 10, windowMs: 15 * 60_000 };

export function sessionRoutes({ deps, secureCookies }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/session',
      {
        config: { access: 'public' },
        schema: {
          tags: ['staff'],
          summary: 'Sign in as staff',
          body: SessionRequest,
          response: { 200: SessionResponse, 401: ErrorBody, 429: ErrorBody },
        },
      },
      async (request, reply) => {
        const key = signInThrottleKey(request.body.username);
        await checkThrottle(deps, key, RULE);
        try {
          const { token, user, sessionId } = await signIn(deps, request.body.username, request.body.password);
          await clearThrottle(deps, key);
          reply.setCookie(STAFF_COOKIE, token, cookieOptions(secureCookies));
          return { user, csrfToken: csrfTokenFor(deps, sessionId) };
        } catch (error) {
          await recordFailure(deps, key, RULE);
          throw error;
        }
      },
    );
    r.get(
      '/session',
      {
        config: { access: 'staff' },
        schema: {
          tags: ['staff'],
          summary: 'The signed-in staff user',
          response: { 200: SessionResponse, 401: ErrorBody },
        },
      },
      async (request) => {
        const v = request.viewer!;
        return {
          user: presentUser({ id: v.userId, username: v.username, role: v.role, display_name: v.displayName }),
          csrfToken: csrfTokenFor(deps, v.sessionId),
        };
      },
    );
    r.delete(
      '/session',
      { config: { access: 'staff' }, schema: { tags: ['staff'], summary: 'Sign out', response: { 204: z.null() } } },
      async (request, reply) => {
        await deleteSession(deps, request.viewer!.sessionId);
        reply.clearCookie(STAFF_COOKIE, cookieOptions(secureCookies));
        return reply.status(204).send(null);
      },
    );
  };
}
