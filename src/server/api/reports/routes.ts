/** Submitting a report through the API (the web form posts to the public pages, which use the same domain code). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../domain/errors.ts';
import { ErrorBody, ReceiptResponse } from '../../../shared/api.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { jsonField } from '../../plugins/multipart.ts';
import { receiveReport } from '../common/report-draft.ts';
import { streamedBody } from '../../plugins/validation.ts';

const SubmitBody = z.object({
  category: z.string().describe('category id from GET /categories'),
  answers: z.string().describe('JSON object: field id → answer'),
  identity: z.string().optional().describe('JSON object: identity field id → answer (omit to stay anonymous)'),
  files: z
    .any()
    .optional()
    .describe('zero or more files (binary parts; name a part after a file question to answer it)'),
});

export function reportRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/reports',
      {
        config: { access: 'public' },
        // The body is a multipart stream read by the handler; its schema documents it.
        validatorCompiler: streamedBody,
        schema: {
          tags: ['public'],
          summary: 'Submit a report (multipart/form-data; send text parts before files)',
          consumes: ['multipart/form-data'],
          body: SubmitBody,
          response: { 201: ReceiptResponse, 400: ErrorBody, 413: ErrorBody, 422: ErrorBody, 503: ErrorBody },
        },
      },
      async (request, reply) => {
        const { receipt } = await receiveReport(deps, request, (draft, fields) => {
          const category = fields.category;
          if (typeof category !== 'string' || !category)
            throw errors.invalid('missing_field', 'The field “category” is missing.');
          const answers = jsonField(fields, 'answers', true);
          const identity = jsonField(fields, 'identity', false);
          return draft.submit({ categoryId: category, channel: 'web', answers, identity });
        });
        return reply.status(201).send({ receipt });
      },
    );
  };
}
