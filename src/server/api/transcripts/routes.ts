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
import { errors } from '../../../domain/errors.ts';
import { addMinutes, type RecordingFile } from '../../../domain/transcripts/add.ts';
import { listTranscripts } from '../../../domain/transcripts/read.ts';
import { ErrorBody } from '../../../shared/api.ts';
import { TranscriptList, TranscriptView } from '../../../shared/transcripts.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { FormReader, jsonField } from '../../plugins/multipart.ts';
import { streamedBody } from '../../plugins/validation.ts';
import { CASE_ROLES, notFound, Params } from '../common/case-route.ts';

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
        const params = request.params;
        if (!request.isMultipart()) {
          await assertHoldsCase(deps, request.viewer!, params.id);
          throw errors.invalid('not_multipart', 'Send the minutes as multipart/form-data: the “minutes” part first.');
        }
        const form = new FormReader(request);
        try {
          const files = form.files();
          // Reading up to the first file takes in the `minutes` part, which comes before it.
          const first = await files.next();
          if (form.fields.minutes === undefined && !first.done)
            throw errors.invalid('minutes_first', 'Send the “minutes” part before the recording.');
          const minutes = jsonField(form.fields, 'minutes', true);
          async function* all(): AsyncGenerator<RecordingFile> {
            if (first.done) return;
            yield first.value;
            yield* files;
          }
          const view = await addMinutes(deps, request.viewer!, params.id, minutes, all());
          return reply.status(201).send(view);
        } catch (error) {
          await form.drain();
          throw error;
        }
      },
    );
  };
}
