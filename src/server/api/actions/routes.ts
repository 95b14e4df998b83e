/**
 * Procedural action records on a case (enforcement actions): record one (multipart: the `action` JSON part, then
 * an optional `recording` file part), list them, and the officers who can be named. A case the viewer does not
 * hold answers 404.
 * @see CEL 2023 Art. 24, 31
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertHoldsCase, listActions, listOfficers, recordAction } from '../../../domain/cases/actions.ts';
import { ActionList, ActionView, OfficerList } from '../../../shared/actions.ts';
import { ErrorBody } from '../../../shared/api.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { streamedBody } from '../../plugins/validation.ts';
import { CASE_ROLES, notFound, Params } from '../common/case-route.ts';
import { readJsonThenFiles } from '../common/json-then-files.ts';

const RecordBody = z.object({
  action: z.string().describe('JSON object (ActionInput): kind, at, place, officerIds, credentialsShown, …'),
  recording: z.any().optional().describe('the audio or video recording (one binary part, after `action`)'),
});

export function actionRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'staff' as const, roles: CASE_ROLES };
    const tags = ['staff'];

    r.get(
      '/cases/:id/actions',
      {
        config,
        schema: {
          tags,
          summary: 'Enforcement actions recorded on the case, oldest first',
          params: Params,
          response: { 200: ActionList, ...notFound },
        },
      },
      async (request) => ({ actions: await listActions(deps, request.viewer!, request.params.id) }),
    );

    r.get(
      '/cases/:id/actions/officers',
      {
        config,
        schema: {
          tags,
          summary: 'Staff who can be named as officers of an action (active handlers, supervisors, oversight)',
          params: Params,
          response: { 200: OfficerList, ...notFound },
        },
      },
      async (request) => ({ officers: await listOfficers(deps, request.viewer!, request.params.id) }),
    );

    r.post(
      '/cases/:id/actions',
      {
        config,
        // The body is a multipart stream read by the handler; its schema documents it.
        validatorCompiler: streamedBody,
        schema: {
          tags,
          summary:
            'Record an enforcement action (multipart/form-data: `action` first, then `recording`): two officers, an approved enforcement_action request, and a recording or the reason there is none',
          consumes: ['multipart/form-data'],
          params: Params,
          body: RecordBody,
          response: { 201: ActionView, 400: ErrorBody, 409: ErrorBody, 413: ErrorBody, ...notFound },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const viewer = request.viewer!;
        const view = await readJsonThenFiles(
          request,
          { part: 'action', what: 'record', assertHolds: () => assertHoldsCase(deps, viewer, id) },
          (json, files) => recordAction(deps, viewer, id, json, files),
        );
        return reply.status(201).send(view);
      },
    );
  };
}
