/** The categories of the profile in force, each with its questionnaire. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CategoryList } from '../../../shared/api.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { presentCategory, presentField } from './presenter.ts';

export function categoryRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/categories',
      {
        config: { access: 'public' },
        schema: {
          tags: ['public'],
          summary: 'Report categories and their questionnaires',
          response: { 200: CategoryList },
        },
      },
      async () => {
        const profile = deps.profile();
        return {
          categories: profile.categories.map(presentCategory),
          identity: profile.identity.fields.map(presentField),
        };
      },
    );
  };
}
