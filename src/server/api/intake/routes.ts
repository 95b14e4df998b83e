/**
 * Operator intake (role `operator` only): record a report received by phone, letter, walk-in or referral, and print
 * the letter that hands its receipt over by post. See src/domain/operator/intake.ts. The operator reads nothing of
 * cases: every case route answers them 404.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recentHandovers, recordOperatorReport } from '../../../domain/operator/intake.ts';
import { receiptLetter } from '../../../domain/operator/letter.ts';
import { errors } from '../../../domain/errors.ts';
import { contentDisposition } from '../../../files/names.ts';
import { ErrorBody } from '../../../shared/api.ts';
import {
  INTAKE_CHANNELS,
  IntakeReceipt,
  LetterRequest,
  RecentHandovers,
  type IntakeFactsInput,
} from '../../../shared/intake.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { jsonField } from '../../plugins/multipart.ts';
import { receiveReport } from '../common/report-draft.ts';
import { streamedBody } from '../../plugins/validation.ts';

const OPERATOR = { access: 'staff' as const, roles: ['operator'] as const };

const IntakeBody = z.object({
  channel: z.enum(INTAKE_CHANNELS),
  category: z.string().describe('category id from GET /categories'),
  answers: z.string().describe('JSON object: field id → answer, as for POST /reports'),
  identity: z.string().optional().describe('JSON object: identity field id → answer (omit when anonymous)'),
  facts: z
    .string()
    .describe(
      'JSON object of channel facts: receivedAt (ISO 8601), contactBack (sealed with the identity), recordingConsent (phone, in_person: agreed | declined | not_asked), referringAuthority and referralReference (referral), transcription (post), minutes (phone, in_person)',
    ),
  files: z
    .any()
    .optional()
    .describe('files after the text parts: `file.<field id>` answers a file question, `scans` a letter’s pages'),
});

export function intakeRoutes({ deps, publicUrl }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/intake/recent',
      {
        config: OPERATOR,
        schema: {
          tags: ['intake'],
          summary: 'The reports I recorded lately: reference, channel and time only',
          response: { 200: RecentHandovers, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => ({ handovers: await recentHandovers(deps, request.viewer!.userId) }) as RecentHandovers,
    );

    r.post(
      '/intake/reports',
      {
        config: OPERATOR,
        validatorCompiler: streamedBody,
        schema: {
          tags: ['intake'],
          summary: 'Record a report received by phone, letter, walk-in or referral (multipart; text parts first)',
          consumes: ['multipart/form-data'],
          body: IntakeBody,
          response: {
            201: IntakeReceipt,
            400: ErrorBody,
            401: ErrorBody,
            404: ErrorBody,
            413: ErrorBody,
            422: ErrorBody,
            503: ErrorBody,
          },
        },
      },
      async (request, reply) => {
        const receipt = await receiveReport(deps, request, (draft, fields) => {
          const category = fields.category;
          if (typeof category !== 'string' || !category)
            throw errors.validation({ category: 'Please choose the kind of report.' });
          return recordOperatorReport(deps, request.viewer!, draft, {
            channel: fields.channel,
            categoryId: category,
            answers: jsonField(fields, 'answers', true),
            identity: jsonField(fields, 'identity', false),
            facts: jsonField(fields, 'facts', true) as IntakeFactsInput,
          });
        });
        return reply.status(201).send(receipt);
      },
    );

    r.post(
      '/intake/letter',
      {
        config: OPERATOR,
        schema: {
          tags: ['intake'],
          summary: 'The letter (PDF) that hands a receipt over by post: the receipt, the follow-up address, what to do',
          body: LetterRequest,
          produces: ['application/pdf'],
          response: { 200: z.any(), 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const letter = await receiptLetter(deps, request.body.receipt, `${publicUrl}/follow-up`);
        return reply
          .header('Content-Type', 'application/pdf')
          .header('Content-Disposition', contentDisposition(letter.fileName))
          .header('Cache-Control', 'no-store')
          .send(Buffer.from(letter.pdf));
      },
    );
  };
}
