/**
 * Retention of a case: when it will be destroyed, the legal hold that stops that, and deletion before the end of
 * retention under an approved request. Every route answers 404 for a case the viewer does not hold.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeLegalHold, deleteCaseEarly, getRetention } from '../../../domain/retention/case-retention.ts';
import { ErrorBody } from '../../../shared/api.ts';
import { DeleteCaseQuery, LegalHoldRequest, RetentionView } from '../../../shared/retention.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { CASE_ROLES, notFound, Params } from '../common/case-route.ts';

const refused = { 400: ErrorBody, 403: ErrorBody, 409: ErrorBody, 422: ErrorBody, ...notFound };

export function retentionRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'staff' as const, roles: CASE_ROLES };
    const tags = ['staff'];

    r.get(
      '/cases/:id/retention',
      {
        config,
        schema: {
          tags,
          summary: 'When the case will be destroyed, and the legal hold that stops it',
          params: Params,
          response: { 200: RetentionView, ...notFound },
        },
      },
      async (request) => getRetention(deps, request.viewer!, request.params.id),
    );

    r.post(
      '/cases/:id/legal-hold',
      {
        config,
        schema: {
          tags,
          summary: 'Set a legal hold: the case is not destroyed while it stands (managers holding the case)',
          params: Params,
          body: LegalHoldRequest,
          response: { 200: RetentionView, ...refused },
        },
      },
      async (request) =>
        changeLegalHold(deps, request.viewer!, request.params.id, { hold: true, reason: request.body.reason }),
    );

    r.delete(
      '/cases/:id/legal-hold',
      {
        config,
        schema: {
          tags,
          summary: 'Lift the legal hold, with a reason (managers holding the case)',
          params: Params,
          body: LegalHoldRequest,
          response: { 200: RetentionView, ...refused },
        },
      },
      async (request) =>
        changeLegalHold(deps, request.viewer!, request.params.id, { hold: false, reason: request.body.reason }),
    );

    r.delete(
      '/cases/:id',
      {
        config,
        schema: {
          tags,
          summary:
            'Delete the case before its retention ends — rows, files and every grant — under your approved request (early_deletion)',
          params: Params,
          querystring: DeleteCaseQuery,
          response: { 204: z.null(), ...refused },
        },
      },
      async (request, reply) => {
        await deleteCaseEarly(deps, request.viewer!, request.params.id, request.query.requestId);
        return reply.status(204).send(null);
      },
    );
  };
}
