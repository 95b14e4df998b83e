/** The JSON API under /api/v1, described by the OpenAPI document at /api/v1/openapi.json. */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.ts';
import { caseRoutes } from './cases/routes.ts';
import { categoryRoutes } from './categories/routes.ts';
import { reporterRoutes } from './reporter/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { sessionRoutes } from './session/routes.ts';
import { statisticsRoutes } from './statistics/routes.ts';
import { triageRoutes } from './triage/routes.ts';

export function apiRoutes(ctx: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
    await app.register(sessionRoutes(ctx));
    await app.register(categoryRoutes(ctx));
    await app.register(reportRoutes(ctx));
    await app.register(reporterRoutes(ctx));
    await app.register(caseRoutes(ctx));
    await app.register(statisticsRoutes(ctx));
    await app.register(triageRoutes(ctx));
  };
}
