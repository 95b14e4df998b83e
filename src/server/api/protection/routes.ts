/**
 * Protection requests (MSS Order No. 2 Art. 6(2); CEL 2023 Art. 46): the reporter asks and reads the outcome;
 * staff holding the case read the requests and record the response. A case the viewer does not hold answers 404.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  listProtection,
  reporterProtection,
  requestProtection,
  respondToProtection,
} from '../../../domain/reporter/protection.ts';
import { ErrorBody } from '../../../shared/api.ts';
import {
  ProtectionList,
  ProtectionResponseRequest,
  ReporterProtectionList,
  ReporterProtectionRequest,
} from '../../../shared/protection.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { CASE_ROLES, notFound, Params } from '../common/case-route.ts';

const RequestParams = Params.extend({ requestId: z.string().uuid() });

export function protectionRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const staff = { access: 'staff' as const, roles: CASE_ROLES };
    const reporter = { access: 'reporter' as const };

    r.get(
      '/cases/:id/protection',
      {
        config: staff,
        schema: {
          tags: ['staff'],
          summary: 'Protection requests of the case: account, due time, response',
          params: Params,
          response: { 200: ProtectionList, ...notFound },
        },
      },
      async (request) => listProtection(deps, request.viewer!, request.params.id),
    );

    r.post(
      '/cases/:id/protection/:requestId/response',
      {
        config: staff,
        schema: {
          tags: ['staff'],
          summary: 'Record the response to a protection request (outcome for the reporter, note for staff)',
          params: RequestParams,
          body: ProtectionResponseRequest,
          response: { 200: ProtectionList, 400: ErrorBody, 409: ErrorBody, 422: ErrorBody, ...notFound },
        },
      },
      async (request) =>
        respondToProtection(deps, request.viewer!, request.params.id, request.params.requestId, request.body),
    );

    r.get(
      '/reporter/protection',
      {
        config: reporter,
        schema: {
          tags: ['reporter'],
          summary: 'My protection requests: when asked, by when staff must respond, the outcome',
          response: { 200: ReporterProtectionList, 401: ErrorBody },
        },
      },
      async (request) => reporterProtection(deps, request.reporter!),
    );

    r.post(
      '/reporter/protection',
      {
        config: reporter,
        schema: {
          tags: ['reporter'],
          summary: 'Ask for protection: I or my relatives are in danger',
          body: ReporterProtectionRequest,
          response: {
            201: z.object({ id: z.string(), requestedAt: z.string(), dueAt: z.string() }),
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
          },
        },
      },
      async (request, reply) => reply.status(201).send(await requestProtection(deps, request.reporter!, request.body)),
    );
  };
}
