/** The JSON API under /api/v1, described by the OpenAPI document at /api/v1/openapi.json. */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../core/route-context.ts';
import { actionRoutes } from './actions/routes.ts';
import { adminRoutes } from './admin/routes.ts';
import { approvalRoutes } from './approvals/routes.ts';
import { certificateRoutes } from './certificates/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { categoryRoutes } from './categories/routes.ts';
import { reporterRoutes } from './reporter/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { intakeRoutes } from './intake/routes.ts';
import { retentionRoutes } from './retention/routes.ts';
import { sessionRoutes } from './session/routes.ts';
import { statisticsRoutes } from './statistics/routes.ts';
import { protectionRoutes } from './protection/routes.ts';
import { triageRoutes } from './triage/routes.ts';
import { transcriptRoutes } from './transcripts/routes.ts';
import { requestRoutes } from './requests/routes.ts';
import { identityRoutes } from './identity/routes.ts';
import { accountRoutes } from './account/routes.ts';
import { userRoutes } from './users/routes.ts';

export function apiRoutes(ctx: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
    await app.register(sessionRoutes(ctx));
    await app.register(adminRoutes(ctx));
    await app.register(categoryRoutes(ctx));
    await app.register(reportRoutes(ctx));
    await app.register(reporterRoutes(ctx));
    await app.register(intakeRoutes(ctx));
    await app.register(caseRoutes(ctx));
    await app.register(statisticsRoutes(ctx));
    await app.register(triageRoutes(ctx));
    await app.register(retentionRoutes(ctx));
    await app.register(actionRoutes(ctx));
    await app.register(transcriptRoutes(ctx));
    await app.register(approvalRoutes(ctx));
    await app.register(certificateRoutes(ctx));
    await app.register(requestRoutes(ctx));
    await app.register(identityRoutes(ctx));
    await app.register(auditRoutes(ctx));
    await app.register(protectionRoutes(ctx));
    await app.register(accountRoutes(ctx));
    await app.register(userRoutes(ctx));
  };
}
