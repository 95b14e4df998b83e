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
