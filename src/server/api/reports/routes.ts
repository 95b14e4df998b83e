/** Submitting a report through the API (the web form posts to the public pages, which use the same domain code). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReportDraft } from '../../../domain/submit.ts';
import { errors } from '../../../domain/errors.ts';
import { ErrorBody, ReceiptResponse } from '../../../shared/api.ts';
import type { RouteContext } from '../../app.ts';
import { jsonField, readMultipart } from './multipart.ts';

const SubmitBody = z.object({
  category: z.string().describe('category id from GET /categories'),
  answers: z.string().describe('JSON object: field id → answer'),
  identity: z.string().optional().describe('JSON object: identity field id → answer (omit to stay anonymous)'),
  files: z.any().optional().describe('zero or more files (binary parts)'),
});

export function reportRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/reports',
      {
        config: { access: 'public' },
        // The body is a multipart stream read by the handler; the schema documents it.
        validatorCompiler: () => () => true,
        schema: {
          tags: ['public'],
          summary: 'Submit a report (multipart/form-data)',
          consumes: ['multipart/form-data'],
          body: SubmitBody,
          response: { 201: ReceiptResponse, 400: ErrorBody, 413: ErrorBody, 422: ErrorBody, 503: ErrorBody },
        },
      },
      async (request, reply) => {
        const draft = new ReportDraft(deps);
        let fields: Record<string, string | string[]>;
        try {
          fields = await readMultipart(request, (file) => draft.addFile(file));
        } catch (error) {
          await draft.discard();
          throw error;
        }
        const category = fields.category;
        if (typeof category !== 'string' || !category) {
          await draft.discard();
          throw errors.invalid('missing_field', 'The field “category” is missing.');
        }
        let answers: Record<string, unknown>, identity: Record<string, unknown>;
        try {
          answers = jsonField(fields, 'answers', true);
          identity = jsonField(fields, 'identity', false);
        } catch (error) {
          await draft.discard();
          throw error;
        }
        const { receipt } = await draft.submit({ categoryId: category, channel: 'web', answers, identity });
        return reply.status(201).send({ receipt });
      },
    );
  };
}
