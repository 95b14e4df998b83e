/**
 * Staff sign-in (password, then a TOTP code when the user has two-factor sign-in), activation of an invited account
 * and sign-out.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csrfTokenFor, deleteSession } from '../../../domain/accounts/sessions.ts';
import { activateAccount } from '../../../domain/accounts/invitations.ts';
import { signIn } from '../../../domain/accounts/sign-in.ts';
import { presentUser } from '../../../domain/accounts/users.ts';
import { accountView } from '../../../domain/accounts/account.ts';
import { ErrorBody } from '../../../shared/api.ts';
import { ActivatedSession, ActivateRequest, SignInRequest, StaffSession } from '../../../shared/accounts.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { cookieOptions, STAFF_COOKIE } from '../../plugins/access.ts';

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
          description:
            'With two-factor sign-in on, a right password without `code` answers 401 `totp_required` (the first step, not counted toward the lockout); a wrong or used code 401 `totp_invalid`. After an administrator’s reset a right old password answers 401 `password_reset`. `totp.required` without `totp.enabled`: this session may only set up TOTP (other staff routes answer 403 `totp_enrolment_required`).',
          body: SignInRequest,
          response: { 200: StaffSession, 401: ErrorBody, 429: ErrorBody },
        },
      },
      async (request, reply) => {
        const { body } = request;
        const { token, user, sessionId, totp, language } = await signIn(deps, body.username, body.password, body.code);
        reply.setCookie(STAFF_COOKIE, token, cookieOptions(request, secureCookies));
        return { user, csrfToken: csrfTokenFor(deps, sessionId), totp, language };
      },
    );
    r.post(
      '/session/activate',
      {
        config: { access: 'public' },
        schema: {
          tags: ['staff'],
          summary: 'Activate an invited account: choose a password with both invitation codes, and sign in',
          description:
            '`invitation` is the code from the administrator who issued the invitation, `approval` the one from the administrator who approved it. Creates the key pair, wraps it under the new password and a new recovery key, uses the codes up and signs in. The recovery key is in this response only. A right first code before any approval answers 409 `invitation_not_approved`; a wrong, expired or used code or an unknown username 401 `invitation_invalid`; throttled like sign-in (its own count).',
          body: ActivateRequest,
          response: { 200: ActivatedSession, 400: ErrorBody, 401: ErrorBody, 409: ErrorBody, 429: ErrorBody },
        },
      },
      async (request, reply) => {
        const { token, user, sessionId, totp, language, recoveryKey } = await activateAccount(deps, request.body);
        reply.setCookie(STAFF_COOKIE, token, cookieOptions(request, secureCookies));
        reply.header('Cache-Control', 'no-store');
        return { user, csrfToken: csrfTokenFor(deps, sessionId), totp, language, recoveryKey };
      },
    );
    r.get(
      '/session',
      {
        config: { access: 'staff', duringTotpEnrolment: true },
        schema: {
          tags: ['staff'],
          summary: 'The signed-in staff user',
          response: { 200: StaffSession, 401: ErrorBody },
        },
      },
      async (request) => {
        const v = request.viewer!;
        return {
          user: presentUser({ id: v.userId, username: v.username, role: v.role, display_name: v.displayName }),
          csrfToken: csrfTokenFor(deps, v.sessionId),
          ...(await accountView(deps, v)),
        };
      },
    );
    r.delete(
      '/session',
      {
        config: { access: 'staff', duringTotpEnrolment: true },
        schema: { tags: ['staff'], summary: 'Sign out', response: { 204: z.null() } },
      },
      async (request, reply) => {
        await deleteSession(deps, request.viewer!.sessionId);
        reply.clearCookie(STAFF_COOKIE, cookieOptions(request, secureCookies));
        return reply.status(204).send(null);
      },
    );
  };
}
