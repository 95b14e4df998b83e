/**
 * Transcripts and minutes of oral reports on a case: list them with the reporter's corrections and confirmation,
 * and add minutes of a later call or meeting (multipart: the `minutes` JSON part, then an optional `recording`
 * audio part, accepted only when the person agreed to be recorded). A case the viewer does not hold answers 404.
 * @see EU 2019/1937 Art. 18
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertHoldsCase } from '../../../domain/cases/actions.ts';
import { addMinutes } from '../../../domain/transcripts/add.ts';
import { listTranscripts } from '../../../domain/transcripts/read.ts';
import { ErrorBody } from '../../../shared/api.ts';
import { TranscriptList, TranscriptView } from '../../../shared/transcripts.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { streamedBody } from '../../plugins/validation.ts';
import { CASE_ROLES, notFound, Params } from '../common/case-route.ts';
import { readJsonThenFiles } from '../common/json-then-files.ts';

const AddBody = z.object({
  minutes: z.string().describe('JSON object (TranscriptInput): kind, text, recordingConsent'),
  recording: z.any().optional().describe('the audio recording (one binary part, after `minutes`)'),
});

export function transcriptRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'staff' as const, roles: CASE_ROLES };
    const tags = ['staff'];

    r.get(
      '/cases/:id/transcripts',
      {
        config,
        schema: {
          tags,
          summary:
            'Transcripts and minutes of the case, oldest first, with the reporter’s corrections and confirmation',
          params: Params,
          response: { 200: TranscriptList, ...notFound },
        },
      },
      async (request) => ({ transcripts: await listTranscripts(deps, request.viewer!, request.params.id) }),
    );

    r.post(
      '/cases/:id/transcripts',
      {
        config,
        // The body is a multipart stream read by the handler; its schema documents it.
        validatorCompiler: streamedBody,
        schema: {
          tags,
          summary:
            'Add minutes or a transcript of a call or meeting (multipart/form-data: `minutes` first, then an optional `recording`, only with recordingConsent)',
          consumes: ['multipart/form-data'],
          params: Params,
          body: AddBody,
          response: { 201: TranscriptView, 400: ErrorBody, 413: ErrorBody, ...notFound },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const viewer = request.viewer!;
        const view = await readJsonThenFiles(
          request,
          { part: 'minutes', what: 'minutes', assertHolds: () => assertHoldsCase(deps, viewer, id) },
          (json, files) => addMinutes(deps, viewer, id, json, files),
        );
        return reply.status(201).send(view);
      },
    );
  };
}
