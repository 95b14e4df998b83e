/**
 * Approvals (the two-person rule): ask for one, decide one, list the requests waiting for me and my own, and the
 * requests on a case. Requesting needs the case (404 otherwise); deciding needs the deciding role for the kind and
 * being sealed in as a decider (decideRequest enforces who; anyone else gets 404).
 * @see CEL 2023 Art. 25–31; EU 2019/1937 Art. 16
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { caseRequests, listRequests } from '../../../domain/requests/list.ts';
import { decideRequest } from '../../../domain/requests/decide.ts';
import { createRequest } from '../../../domain/requests/requests.ts';
import { ErrorBody } from '../../../shared/api.ts';
import {
  CreateRequestBody,
  CreateRequestResponse,
  DecisionBody,
  DecisionResponse,
  RequestBoxQuery,
  RequestList,
} from '../../../shared/requests.ts';
import type { RouteContext } from '../../core/route-context.ts';
import { CASE_ROLES, notFound, Params } from '../common/case-route.ts';

/** Who asks: people who work on cases (and must hold the one they ask about). */
export const REQUESTER_ROLES = ['supervisor', 'handler', 'oversight'] as const;
/** Who decides: supervisors and oversight officers (of cases they hold), custodians (identity disclosure). */
export const DECIDER_ROLES = ['supervisor', 'custodian', 'oversight'] as const;
export const REQUEST_ROLES = ['supervisor', 'handler', 'oversight', 'custodian'] as const;

const refused = { 400: ErrorBody, 409: ErrorBody, 422: ErrorBody, ...notFound };

export function requestRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['staff'];

    r.post(
      '/requests',
      {
        config: { access: 'staff', roles: REQUESTER_ROLES },
        schema: {
          tags,
          summary: 'Ask for a second person’s approval of a sensitive action on a case I hold',
          body: CreateRequestBody,
          response: { 201: CreateRequestResponse, ...refused },
        },
      },
      async (request, reply) => {
        const { caseId, ...input } = request.body;
        return reply.status(201).send(await createRequest(deps, request.viewer!, { reportId: caseId, ...input }));
      },
    );

    r.post(
      '/requests/:id/decision',
      {
        config: { access: 'staff', roles: DECIDER_ROLES },
        schema: {
          tags,
          summary: 'Approve or refuse a request of someone else’s (identity disclosure: re-seals the identity key)',
          params: Params,
          body: DecisionBody,
          response: { 200: DecisionResponse, ...refused },
        },
      },
      async (request) => decideRequest(deps, request.viewer!, request.params.id, request.body),
    );

    r.get(
      '/requests',
      {
        config: { access: 'staff', roles: REQUEST_ROLES },
        schema: {
          tags,
          summary: 'Requests waiting for my decision (box=to_decide), or my own requests (box=mine)',
          querystring: RequestBoxQuery,
          response: { 200: RequestList, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
        },
      },
      async (request) => ({ items: await listRequests(deps, request.viewer!, request.query.box) }),
    );

    r.get(
      '/cases/:id/requests',
      {
        config: { access: 'staff', roles: CASE_ROLES },
        schema: {
          tags,
          summary: 'Requests on a case I hold, newest first',
          params: Params,
          response: { 200: RequestList, ...notFound },
        },
      },
      async (request) => ({ items: await caseRequests(deps, request.viewer!, request.params.id) }),
    );
  };
}
