/**
 * The reporter's identity through the API: a case holder's view of it (disclosed or not), and the reporter's own
 * view (disclosures they were told of) and adding it later of their own accord.
 * @see EU 2019/1937 Art. 16(3) (the reporter is told before their identity is disclosed)
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  addIdentity,
  addedText,
  caseIdentity,
  disclosedText,
  reporterIdentity,
} from '../../../domain/reporter/identity.ts';
import { ErrorBody } from '../../../shared/api.ts';
import {
  CaseIdentity,
  ReporterIdentity,
  ReporterIdentityRequest,
  ReporterIdentityResponse,
} from '../../../shared/requests.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { localeFor } from '../../public/locale.ts';
import { CASE_ROLES, notFound, Params } from '../common/case-route.ts';

export function identityRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/cases/:id/identity',
      {
        config: { access: 'staff', roles: CASE_ROLES },
        schema: {
          tags: ['staff'],
          summary: 'The reporter’s identity, if it was disclosed to me (audited); otherwise only that it was not',
          params: Params,
          response: { 200: CaseIdentity, ...notFound },
        },
      },
      async (request) => caseIdentity(deps, request.viewer!, request.params.id),
    );

    r.get(
      '/reporter/identity',
      {
        config: { access: 'reporter' },
        schema: {
          tags: ['reporter'],
          summary: 'Whether my identity was disclosed (and what I was told), and whether I added it',
          response: { 200: ReporterIdentity, 401: ErrorBody },
        },
      },
      async (request) => {
        const view = await reporterIdentity(deps, request.reporter!);
        const profile = deps.profile();
        // The texts are English; the dates too, in the authority's time zone, as the follow-up page gives them.
        const date = (iso: string) => localeFor(profile, 'en').date(iso);
        return {
          canAdd: view.canAdd,
          addedAt: view.addedAt,
          addedText: view.addedAt ? addedText(date(view.addedAt)) : null,
          disclosures: view.disclosures.map((d) => ({ ...d, text: disclosedText(date(d.at)) })),
          fields: profile.identity.fields.map((f) => ({
            id: f.id,
            type: f.type,
            label: f.label,
            help: f.help ?? null,
            required: f.required,
            options: f.options ?? [],
          })),
        };
      },
    );

    r.post(
      '/reporter/identity',
      {
        config: { access: 'reporter' },
        schema: {
          tags: ['reporter'],
          summary: 'Add my identity of my own accord (readable only by identity custodians)',
          body: ReporterIdentityRequest,
          response: {
            201: ReporterIdentityResponse,
            400: ErrorBody,
            401: ErrorBody,
            403: ErrorBody,
            409: ErrorBody,
            422: ErrorBody,
          },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addIdentity(deps, request.reporter!, request.body.identity)),
    );
  };
}
