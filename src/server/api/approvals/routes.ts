/**
 * The steps on a case that use an approval (two-person rule): the viewer's approvals ready to use, opening an
 * original file, and exporting the case. Each step takes `requestId` (an approved request of the viewer's) and
 * answers 409 approval_required without one. A case the viewer does not hold answers 404.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { usableApprovals } from '../../../domain/cases/approvals.ts';
import { exportCase } from '../../../domain/cases/export.ts';
import { openOriginal } from '../../../domain/cases/originals.ts';
import { contentDisposition } from '../../../files/names.ts';
import { ApprovalQuery, CaseExport, UsableApprovals } from '../../../shared/actions.ts';
import { ErrorBody } from '../../../shared/api.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { sendDownload } from '../common/download.ts';
import { CASE_ROLES, notFound, Params } from '../common/case-route.ts';

const FileParams = Params.extend({ fileId: z.string().uuid() });

export function approvalRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'staff' as const, roles: CASE_ROLES };
    const tags = ['staff'];

    r.get(
      '/cases/:id/approvals',
      {
        config,
        schema: {
          tags,
          summary: 'My approvals on this case that are ready to use (approved, unused, unexpired)',
          params: Params,
          response: { 200: UsableApprovals, ...notFound },
        },
      },
      async (request) => ({ approvals: await usableApprovals(deps, request.viewer!, request.params.id) }),
    );

    r.get(
      '/cases/:id/files/:fileId/original',
      {
        config,
        schema: {
          tags,
          summary: 'Download the original of a file, with its metadata (attachment; uses an approved open_original)',
          params: FileParams,
          querystring: ApprovalQuery,
          response: { 200: z.any(), 409: ErrorBody, ...notFound },
        },
      },
      async (request, reply) => {
        const { id, fileId } = request.params;
        const file = await openOriginal(deps, request.viewer!, id, fileId, request.query.requestId);
        return sendDownload(reply, file);
      },
    );

    r.get(
      '/cases/:id/export',
      {
        config,
        schema: {
          tags,
          summary: 'Export the case as a JSON bundle (attachment; uses an approved export request)',
          params: Params,
          querystring: ApprovalQuery,
          response: { 200: CaseExport, 409: ErrorBody, ...notFound },
        },
      },
      async (request, reply) => {
        const { fileName, bundle } = await exportCase(
          deps,
          request.viewer!,
          request.params.id,
          request.query.requestId,
        );
        return reply
          .header('Content-Disposition', contentDisposition(fileName))
          .header('X-Content-Type-Options', 'nosniff')
          .header('Cache-Control', 'no-store')
          .send(bundle);
      },
    );
  };
}
