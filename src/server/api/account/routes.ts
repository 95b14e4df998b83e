/**
 * A staff member's own account: two-factor sign-in (set up, confirm, turn off), password change, and — signed out —
 * recovery with the recovery key after a lost password or an administrator's reset. The account routes stay open to
 * a user who must still set up TOTP (`duringTotpEnrolment`); the rest of the staff API is not.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountView,
  changeLanguage,
  changePassword,
  confirmTotp,
  pendingTotpUri,
  recoverAccount,
  startTotpEnrolment,
  turnOffTotp,
} from '../../../domain/accounts/account.ts';
import { csrfTokenFor } from '../../../domain/accounts/sessions.ts';
import { totpQrSvg } from '../../../domain/accounts/totp.ts';
import { ErrorBody } from '../../../shared/api.ts';
import {
  AccountView,
  LanguageChangeRequest,
  PasswordChangeRequest,
  RecoverRequest,
  StaffSession,
  TotpCodeRequest,
  TotpEnrolment,
  TotpState,
} from '../../../shared/accounts.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { cookieOptions, STAFF_COOKIE } from '../../plugins/access.ts';

export function accountRoutes({ deps, secureCookies }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'staff' as const, duringTotpEnrolment: true };
    const tags = ['account'];
    const refused = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };

    r.post(
      '/session/recover',
      {
        config: { access: 'public' },
        schema: {
          tags: ['staff'],
          summary: 'Choose a new password with the recovery key (lost password, or after an administrator’s reset)',
          description:
            'Unwraps the private key with the recovery key and wraps it under the new password; ends every other session and signs in. With TOTP on, `code` is needed (401 `totp_required`). Throttled like sign-in.',
          body: RecoverRequest,
          response: { 200: StaffSession, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
        },
      },
      async (request, reply) => {
        const { token, user, sessionId, totp, language } = await recoverAccount(deps, request.body);
        reply.setCookie(STAFF_COOKIE, token, cookieOptions(request, secureCookies));
        return { user, csrfToken: csrfTokenFor(deps, sessionId), totp, language };
      },
    );

    r.get(
      '/account',
      { config, schema: { tags, summary: 'My account', response: { 200: AccountView, 401: ErrorBody } } },
      async (request) => accountView(deps, request.viewer!),
    );

    r.post(
      '/account/totp',
      {
        config,
        schema: {
          tags,
          summary: 'Start setting up two-factor sign-in',
          description:
            'A new secret, sealed to my public key, waits for its first code. Returns the otpauth:// URI, the secret in base32 for typing in, and the QR code’s address. 409 `totp_already_enabled` while TOTP is on.',
          response: { 200: TotpEnrolment, ...refused },
        },
      },
      async (request) => startTotpEnrolment(deps, request.viewer!),
    );

    r.get(
      '/account/totp/qr.svg',
      {
        config,
        schema: {
          tags,
          summary: 'The QR code of the pending two-factor set-up (SVG)',
          response: { 200: z.string(), 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const svg = await totpQrSvg(await pendingTotpUri(deps, request.viewer!));
        return reply.type('image/svg+xml; charset=utf-8').header('Cache-Control', 'no-store').send(svg);
      },
    );

    r.post(
      '/account/totp/confirm',
      {
        config,
        schema: {
          tags,
          summary: 'Turn two-factor sign-in on with the first code from the app',
          description: 'Allows one 30-second step of clock drift either way; 400 `totp_invalid` for a wrong code.',
          body: TotpCodeRequest,
          response: { 200: TotpState, ...refused },
        },
      },
      async (request) => confirmTotp(deps, request.viewer!, request.body.code),
    );

    r.post(
      '/account/totp/disable',
      {
        config,
        schema: {
          tags,
          summary: 'Turn two-factor sign-in off (needs a current code)',
          body: TotpCodeRequest,
          response: { 200: TotpState, ...refused },
        },
      },
      async (request) => turnOffTotp(deps, request.viewer!, request.body.code),
    );

    r.put(
      '/account/language',
      {
        config,
        schema: {
          tags,
          summary: 'Choose my language (workspace and notice mails)',
          description: 'One of the shipped languages (`en`, `zh-CN`, `ar`); anything else answers 400.',
          body: LanguageChangeRequest,
          response: { 200: LanguageChangeRequest, ...refused },
        },
      },
      async (request) => ({ language: await changeLanguage(deps, request.viewer!, request.body.language) }),
    );

    r.post(
      '/account/password',
      {
        config,
        schema: {
          tags,
          summary: 'Change my password (ends my other sessions)',
          description: '400 `wrong_password` when the current password is not right (throttled like sign-in).',
          body: PasswordChangeRequest,
          response: { 204: z.null(), ...refused },
        },
      },
      async (request, reply) => {
        await changePassword(deps, request.viewer!, request.body);
        return reply.status(204).send(null);
      },
    );
  };
}
