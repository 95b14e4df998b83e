/** Staff work on cases: list, read, download cleaned files, reply or note, change status. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addCaseMessage } from '../../../domain/cases/messages.ts';
import { listCases } from '../../../domain/cases/queue.ts';
import { getCase, openCaseFile } from '../../../domain/cases/read.ts';
import { changeStatus } from '../../../domain/cases/status.ts';
import {
  CaseDetail,
  CaseList,
  CaseListQuery,
  ErrorBody,
  MessageRequest,
  MessageView,
  StatusRequest,
  StatusResponse,
} from '../../../shared/api.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { CASE_ROLES, notFound, Params } from '../common/case-route.ts';
import { sendDownload } from '../common/download.ts';
import { errors } from '../../../domain/errors.ts';
import { assertHoldsCase } from '../../../domain/cases/actions.ts';
import { fieldText, FormReader } from '../../plugins/multipart.ts';
import { streamedBody } from '../../plugins/validation.ts';

/** The multipart body of a reply with files, for the API's description (the handler reads the stream itself). */
const ReplyWithFilesBody = z.object({
  body: z.string().describe('The reply, first'),
  kind: z.enum(['message', 'outcome_notice']).optional().describe('Before the files'),
  files: z.any().optional().describe('One or more file parts, after the text fields'),
});

const FileParams = Params.extend({ fileId: z.string().uuid() });

export function caseRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'staff' as const, roles: CASE_ROLES };

    r.get(
      '/cases',
      {
        config,
        schema: {
          tags: ['staff'],
          summary:
            'Cases granted to me: triage order (urgent, then soonest deadline) or newest first; keyset pagination',
          querystring: CaseListQuery,
          response: { 200: CaseList, 400: ErrorBody, 401: ErrorBody },
        },
      },
      async (request) => listCases(deps, request.viewer!, request.query),
    );

    r.get(
      '/cases/:id',
      {
        config,
        schema: {
          tags: ['staff'],
          summary: 'One case: answers, files, messages',
          params: Params,
          response: { 200: CaseDetail, ...notFound },
        },
      },
      async (request) => getCase(deps, request.viewer!, request.params.id),
    );

    r.get(
      '/cases/:id/files/:fileId',
      {
        config,
        schema: {
          tags: ['staff'],
          summary: 'Download the cleaned copy of a file (attachment)',
          params: FileParams,
          response: { 200: z.any(), ...notFound },
        },
      },
      async (request, reply) => {
        const file = await openCaseFile(deps, request.viewer!, request.params.id, request.params.fileId);
        return sendDownload(reply, file);
      },
    );

    r.post(
      '/cases/:id/messages',
      {
        config,
        schema: {
          tags: ['staff'],
          summary: 'Reply to the reporter or add an internal note',
          params: Params,
          body: MessageRequest,
          response: { 201: MessageView, 400: ErrorBody, ...notFound },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addCaseMessage(deps, request.viewer!, request.params.id, request.body)),
    );

    r.post(
      '/cases/:id/replies',
      {
        config,
        validatorCompiler: streamedBody,
        schema: {
          tags: ['staff'],
          summary:
            'Reply to the reporter with files (multipart/form-data: `body` and `kind` first, then the files): each file is cleaned and only its cleaned copy is offered to the reporter; a file that cannot be cleaned refuses the whole reply',
          consumes: ['multipart/form-data'],
          params: Params,
          body: ReplyWithFilesBody,
          response: { 201: MessageView, 400: ErrorBody, 413: ErrorBody, ...notFound },
        },
      },
      async (request, reply) => {
        const params = request.params;
        if (!request.isMultipart()) {
          await assertHoldsCase(deps, request.viewer!, params.id);
          throw errors.invalid('not_multipart', 'Send the reply as multipart/form-data: the “body” part first.');
        }
        const form = new FormReader(request);
        try {
          const files = form.files();
          // Reading up to the first file takes in the text parts, which come before it.
          const first = await files.next();
          async function* all() {
            if (first.done) return;
            yield first.value;
            yield* files;
          }
          const text = MessageRequest.safeParse({
            body: fieldText(form.fields.body),
            visibility: 'reporter',
            kind: fieldText(form.fields.kind) || undefined,
          });
          if (!text.success)
            throw errors.invalid('invalid_reply', 'Write the reply (1 to 20000 characters) before the files.');
          const view = await addCaseMessage(deps, request.viewer!, params.id, { ...text.data, files: all() });
          return reply.status(201).send(view);
        } catch (error) {
          await form.drain();
          throw error;
        }
      },
    );

    r.post(
      '/cases/:id/status',
      {
        config,
        schema: {
          tags: ['staff'],
          summary: 'Move the case through its lifecycle',
          params: Params,
          body: StatusRequest,
          response: { 200: StatusResponse, 400: ErrorBody, 409: ErrorBody, ...notFound },
        },
      },
      async (request) => changeStatus(deps, request.viewer!, request.params.id, request.body),
    );
  };
}
