/** The reporter's follow-up through the API: sign in with the receipt, read the report, add a message. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { reporterAddInformation, reporterSignIn, reporterView } from '../../../domain/reporter/follow-up.ts';
import { csrfTokenFor, deleteSession } from '../../../domain/accounts/sessions.ts';
import { ErrorBody, ReporterMessageRequest, ReporterReport, ReporterSessionRequest } from '../../../shared/api.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { cookieOptions, REPORTER_COOKIE } from '../../plugins/access.ts';

export function reporterRoutes({ deps, secureCookies }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/reporter/session',
      {
        config: { access: 'public' },
        schema: {
          tags: ['reporter'],
          summary: 'Sign in with a receipt',
          body: ReporterSessionRequest,
          response: {
            200: z.object({
              csrfToken: z.string(),
              newReceipt: z
                .string()
                .nullable()
                .describe(
                  'A receipt someone else saw (read out by an intake operator, printed, e-mailed) is replaced at its first sign-in: the new receipt, to show once (the old one no longer works); null otherwise',
                ),
            }),
            400: ErrorBody,
            401: ErrorBody,
            429: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const { token, newReceipt } = await reporterSignIn(deps, request.body.receipt);
        reply.setCookie(REPORTER_COOKIE, token, cookieOptions(request, secureCookies));
        return { csrfToken: csrfTokenFor(deps, token.split('.')[0]!), newReceipt };
      },
    );
    r.delete(
      '/reporter/session',
      {
        config: { access: 'reporter' },
        schema: { tags: ['reporter'], summary: 'Sign out', response: { 204: z.null() } },
      },
      async (request, reply) => {
        await deleteSession(deps, request.reporter!.id);
        reply.clearCookie(REPORTER_COOKIE, cookieOptions(request, secureCookies));
        return reply.status(204).send(null);
      },
    );
    r.get(
      '/reporter/report',
      {
        config: { access: 'reporter' },
        schema: {
          tags: ['reporter'],
          summary: 'The reporter’s own report, status and replies',
          response: { 200: ReporterReport, 401: ErrorBody },
        },
      },
      async (request) => {
        const v = await reporterView(deps, request.reporter!);
        return { ...v, answers: v.answers.map(({ text: _text, ...a }) => a) };
      },
    );
    r.post(
      '/reporter/messages',
      {
        config: { access: 'reporter' },
        schema: {
          tags: ['reporter'],
          summary: 'Add a message to the report',
          body: ReporterMessageRequest,
          response: { 201: z.object({ ok: z.literal(true) }), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (request, reply) => {
        await reporterAddInformation(deps, request.reporter!, { body: request.body.body });
        return reply.status(201).send({ ok: true as const });
      },
    );
  };
}
