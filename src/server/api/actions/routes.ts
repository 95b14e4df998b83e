/**
 * Procedural action records on a case (enforcement actions): record one (multipart: the `action` JSON part, then
 * an optional `recording` file part), list them, and the officers who can be named. A case the viewer does not
 * hold answers 404.
 * @see CEL 2023 Art. 24, 31
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assertHoldsCase,
  listActions,
  listOfficers,
  recordAction,
  type RecordingFile,
} from '../../../domain/cases/actions.ts';
import { errors } from '../../../domain/errors.ts';
import { ActionList, ActionView, OfficerList } from '../../../shared/actions.ts';
import { ErrorBody } from '../../../shared/api.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { FormReader, jsonField } from '../../plugins/multipart.ts';
import { streamedBody } from '../../plugins/validation.ts';
import { CASE_ROLES, notFound, Params } from '../common/case-route.ts';

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
        const params = request.params;
        if (!request.isMultipart()) {
          await assertHoldsCase(deps, request.viewer!, params.id);
          throw errors.invalid('not_multipart', 'Send the record as multipart/form-data: the “action” part first.');
        }
        const form = new FormReader(request);
        try {
          const files = form.files();
          // Reading up to the first file takes in the `action` part, which comes before it.
          const first = await files.next();
          if (form.fields.action === undefined && !first.done)
            throw errors.invalid('action_first', 'Send the “action” part before the recording.');
          const action = jsonField(form.fields, 'action', true);
          async function* all(): AsyncGenerator<RecordingFile> {
            if (first.done) return;
            yield first.value;
            yield* files;
          }
          const view = await recordAction(deps, request.viewer!, params.id, action, all());
          return reply.status(201).send(view);
        } catch (error) {
          await form.drain();
          throw error;
        }
      },
    );
  };
}
