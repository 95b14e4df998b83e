/**
 * Statistics for supervisors and administrators, as JSON for the workspace and as a CSV file. Counts and times
 * only, never content, so no case grant is needed; each read is audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readStatistics } from '../../../domain/cases/statistics.ts';
import { ErrorBody, Statistics, StatisticsQuery } from '../../../shared/api.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { statisticsCsv, statisticsFileName } from './presenter.ts';

const STATISTICS_ROLES = ['supervisor', 'administrator'] as const;
const errorsOf = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody };

export function statisticsRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'staff' as const, roles: STATISTICS_ROLES };

    r.get(
      '/statistics',
      {
        config,
        schema: {
          tags: ['staff'],
          summary: 'Reports per week by category and channel; handling times; overdue cases',
          querystring: StatisticsQuery,
          response: { 200: Statistics, ...errorsOf },
        },
      },
      async (request) => readStatistics(deps, request.viewer!.userId, request.query, 'statistics.read'),
    );

    r.get(
      '/statistics.csv',
      {
        config,
        schema: {
          tags: ['staff'],
          summary: 'The same statistics as a CSV file (attachment)',
          querystring: StatisticsQuery,
          response: {
            200: { description: 'CSV file', content: { 'text/csv': { schema: z.string() } } },
            ...errorsOf,
          },
        },
      },
      async (request, reply) => {
        const s = await readStatistics(deps, request.viewer!.userId, request.query, 'statistics.export');
        return reply
          .header('Content-Type', 'text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${statisticsFileName(s)}"`)
          .send(statisticsCsv(s));
      },
    );
  };
}
