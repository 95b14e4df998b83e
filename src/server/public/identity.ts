/**
 * Adding one's identity from the follow-up page, of one's own accord (a plain form: works with JavaScript off). On
 * success the reporter goes back to their report, which says when they added it and who can read it; a refusal
 * shows the page again (through a draft) with what they typed kept and the problem at the field.
 * @see EU 2019/1937 Art. 16; CEL 2023 Art. 16
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { addIdentity, IDENTITY_PREFIX } from '../../domain/reporter/identity.ts';
import { validateAnswers } from '../../shared/answers.ts';
import { localeOf, type Locale } from './locale.ts';
import type { RouteContext } from '../core/route-context.ts';
import { redirectToReportDraft } from './followup-state.ts';
import { STATUS } from '../core/errors.ts';
import { anchorOf, controlId } from './fields.ts';

/** Refusals the reporter can act on from the same page; anything else goes to the error page. */
const SHOWN = new Set(['invalid', 'unprocessable', 'conflict']);

/** The `identity.*` fields of a form, by identity field id. */
function identityOf(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body))
    if (key.startsWith(IDENTITY_PREFIX)) out[key.slice(IDENTITY_PREFIX.length)] = value;
  return out;
}

/** The one problem for the error summary: the first field at fault (in form order), or the whole form. */
function summaryOf(loc: Locale, error: DomainError, fieldErrors: Record<string, string>) {
  const fields = loc.profile!.identity.fields;
  const first = fields.find((f) => fieldErrors[f.id] !== undefined);
  if (first) {
    const message = loc.t('fields.summaryItem', { label: first.label, message: loc.msg(fieldErrors[first.id]!) });
    return { href: anchorOf(first, IDENTITY_PREFIX + first.id), message };
  }
  const href = error.id === 'empty_identity' && fields[0] ? controlId(IDENTITY_PREFIX + fields[0].id) : null;
  return { href, message: error.message };
}

export function identityFollowUpRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.post('/follow-up/identity', { config: { access: 'reporter' } }, async (request: FastifyRequest, reply) => {
      const session = request.reporter!;
      const raw = identityOf((request.body as Record<string, unknown> | undefined) ?? {});
      try {
        await addIdentity(deps, session, raw);
        return reply.redirect('/follow-up/report#identity', 303);
      } catch (error) {
        if (!(error instanceof DomainError) || !SHOWN.has(error.kind)) throw error;
        const profile = deps.profile();
        const fieldErrors: Record<string, string> = {};
        for (const [key, message] of Object.entries(error.details ?? {}))
          if (key.startsWith(IDENTITY_PREFIX)) fieldErrors[key.slice(IDENTITY_PREFIX.length)] = message;
        const identityForm = { values: validateAnswers(profile.identity.fields, raw).answers, errors: fieldErrors };
        const extra = { error: summaryOf(localeOf(request, profile), error, fieldErrors), identityForm };
        return redirectToReportDraft(deps, reply, session, STATUS[error.kind], extra, '#identity');
      }
    });
  };
}
