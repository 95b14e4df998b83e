/**
 * Asking for protection from the follow-up page (a plain form: works with JavaScript off). On success the reporter
 * goes back to their report, which says by when staff must respond; a refusal shows the page again with what they
 * wrote kept and the problem at the field (through a draft).
 * @see MSS Order No. 2 Art. 6(2); CEL 2023 Art. 46
 */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { requestProtection } from '../../domain/reporter/protection.ts';
import type { RouteContext } from '../core/route-context.ts';
import { redirectToReportDraft } from './followup-state.ts';
import { STATUS } from '../core/errors.ts';
import { fieldText } from '../plugins/multipart.ts';

export function protectionFollowUpRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.post('/follow-up/protection', { config: { access: 'reporter' } }, async (request, reply) => {
      const session = request.reporter!;
      const account = fieldText((request.body as Record<string, unknown> | undefined)?.account);
      try {
        await requestProtection(deps, session, { account });
        return reply.redirect('/follow-up/report?protection=1#protection', 303);
      } catch (error) {
        if (!(error instanceof DomainError) || error.kind !== 'invalid') throw error;
        const extra = { protectionForm: { account, error: error.message } };
        return redirectToReportDraft(deps, reply, session, STATUS[error.kind], extra, '#protection');
      }
    });
  };
}
