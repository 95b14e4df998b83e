/**
 * Case handling beyond reading and replying: access (grants, exclusions), urgency, risk assessment, links,
 * labels, and search inside the viewer's cases. Every route answers 404 for a case the viewer does not hold.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { excludeUser, removeExclusion } from '../../../domain/cases/exclusions.ts';
import { caseAccessFor, grantCase, listGrantableStaff, revokeGrant } from '../../../domain/cases/grants.ts';
import { setLabels } from '../../../domain/cases/labels.ts';
import { linkCase, unlinkCase } from '../../../domain/cases/links.ts';
import { searchCases } from '../../../domain/cases/search.ts';
import { recordRisk, setUrgent } from '../../../domain/cases/triage.ts';
import { ApprovalQuery } from '../../../shared/actions.ts';
import {
  CaseAccess,
  ErrorBody,
  ExclusionRequest,
  GrantRequest,
  LabelsRequest,
  LabelsResponse,
  LinkRequest,
  LinksResponse,
  RiskRequest,
  RiskResponse,
  Role,
  SearchQuery,
  SearchResponse,
  StaffList,
  UrgentRequest,
  UrgentResponse,
} from '../../../shared/api.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { CASE_ROLES, notFound, Params } from '../common/case-route.ts';

const UserParams = Params.extend({ userId: z.string().uuid() });
const OtherParams = Params.extend({ otherId: z.string().uuid() });
const refused = { 400: ErrorBody, 409: ErrorBody, ...notFound };

export function triageRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: 'staff' as const, roles: CASE_ROLES };
    const managers = { access: 'staff' as const, roles: ['supervisor', 'oversight'] as const };
    const tags = ['staff'];

    r.get(
      '/staff',
      {
        config: managers,
        schema: {
          tags,
          summary: 'Staff a case can be granted to, with the categories each works on',
          querystring: z.object({ role: Role.optional() }),
          response: { 200: StaffList, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => ({ staff: await listGrantableStaff(deps, request.query.role) }),
    );

    r.get(
      '/cases/search',
      {
        config,
        schema: {
          tags,
          summary: 'Search inside my cases (decrypted for this request; no index)',
          querystring: SearchQuery,
          response: { 200: SearchResponse, 400: ErrorBody, 401: ErrorBody },
        },
      },
      async (request) => searchCases(deps, request.viewer!, request.query.q),
    );

    r.get(
      '/cases/:id/access',
      {
        config,
        schema: {
          tags,
          summary: 'Who holds the case and who is excluded (supervisors)',
          params: Params,
          response: { 200: CaseAccess, ...notFound },
        },
      },
      async (request) => caseAccessFor(deps, request.viewer!, request.params.id),
    );
    r.post(
      '/cases/:id/grants',
      {
        config,
        schema: {
          tags,
          summary:
            'Grant the case (keys re-sealed from my session); outside the category’s staff with an approved grant_outside request',
          params: Params,
          body: GrantRequest,
          response: { 201: CaseAccess, ...refused },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await grantCase(deps, request.viewer!, request.params.id, request.body.userId, request.body.requestId)),
    );
    r.delete(
      '/cases/:id/grants/:userId',
      {
        config,
        schema: { tags, summary: 'Revoke a grant', params: UserParams, response: { 200: CaseAccess, ...notFound } },
      },
      async (request) => revokeGrant(deps, request.viewer!, request.params.id, request.params.userId),
    );
    r.post(
      '/cases/:id/exclusions',
      {
        config,
        schema: {
          tags,
          summary:
            'Exclude a staff member from the case (conflict of interest); another manager of it, or the last holder of one of its keys, with an approved exclude_holder request',
          params: Params,
          body: ExclusionRequest,
          response: { 201: CaseAccess, ...refused },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await excludeUser(deps, request.viewer!, request.params.id, request.body)),
    );
    r.delete(
      '/cases/:id/exclusions/:userId',
      {
        config,
        schema: {
          tags,
          summary:
            'Lift an exclusion; one made because the report names the person with an approved lift_exclusion request',
          params: UserParams,
          querystring: ApprovalQuery,
          response: { 200: CaseAccess, ...refused },
        },
      },
      async (request) =>
        removeExclusion(deps, request.viewer!, request.params.id, request.params.userId, request.query.requestId),
    );

    r.post(
      '/cases/:id/urgent',
      {
        config,
        schema: {
          tags,
          summary: 'Mark urgent or not (threat to life, reporter in danger)',
          params: Params,
          body: UrgentRequest,
          response: { 200: UrgentResponse, ...refused },
        },
      },
      async (request) => setUrgent(deps, request.viewer!, request.params.id, request.body),
    );
    r.post(
      '/cases/:id/risk',
      {
        config,
        schema: {
          tags,
          summary: 'Record the assessment of the risk of harm to the reporter (ISO 37002 §8.3)',
          params: Params,
          body: RiskRequest,
          response: { 200: RiskResponse, ...refused },
        },
      },
      async (request) => recordRisk(deps, request.viewer!, request.params.id, request.body),
    );

    r.post(
      '/cases/:id/links',
      {
        config,
        schema: {
          tags,
          summary: 'Link to another case I hold, as duplicate or related',
          params: Params,
          body: LinkRequest,
          response: { 201: LinksResponse, ...refused },
        },
      },
      async (request, reply) =>
        reply.status(201).send({ links: await linkCase(deps, request.viewer!, request.params.id, request.body) }),
    );
    r.delete(
      '/cases/:id/links/:otherId',
      {
        config,
        schema: { tags, summary: 'Remove a link', params: OtherParams, response: { 200: LinksResponse, ...notFound } },
      },
      async (request) => ({
        links: await unlinkCase(deps, request.viewer!, request.params.id, request.params.otherId),
      }),
    );
    r.put(
      '/cases/:id/labels',
      {
        config,
        schema: {
          tags,
          summary: 'Replace the labels of the case',
          params: Params,
          body: LabelsRequest,
          response: { 200: LabelsResponse, ...refused },
        },
      },
      async (request) => ({ labels: await setLabels(deps, request.viewer!, request.params.id, request.body.labels) }),
    );
  };
}
