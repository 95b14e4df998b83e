/**
 * "Who has looked at your report" on the follow-up page, and the same record as downloads (CSV, JSON) that work
 * with JavaScript off: plain links, sent as attachments with the reporter's session cookie. Staff appear only as
 * pseudonyms ("Staff member A"), never by id, name or role (src/domain/audit/access-log.ts).
 * @see CJEU C-579/21 (dates and purposes of consultations); REQUIREMENTS #29
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accessLogCsv, accessLogFileName, reportAccessLog } from '../../domain/audit/access-log.ts';
import type { AccessLog } from '../../shared/audit.ts';
import type { RouteContext } from '../core/route-context.ts';
import { html, type Html } from './html.ts';
import type { Locale } from './locale.ts';

export const ACCESSES_CSV = '/follow-up/report/accesses.csv';
export const ACCESSES_JSON = '/follow-up/report/accesses.json';

/** The section of the follow-up page: a table, oldest first, and the two downloads. */
export function accessSection(loc: Locale, log: AccessLog): Html {
  const { t } = loc;
  return html`<section aria-labelledby="accesses">
<h2 id="accesses">${t('accessLog.title')}</h2>
<p>${t('accessLog.intro')}</p>
${
  log.entries.length === 0
    ? html`<p>${t('accessLog.none')}</p>`
    : html`<table class="access-log">
<caption class="visually-hidden">${t('accessLog.caption')}</caption>
<thead><tr><th scope="col">${t('accessLog.when')}</th><th scope="col">${t('accessLog.who')}</th><th scope="col">${t('accessLog.what')}</th></tr></thead>
<tbody>
${log.entries.map(
  (e) =>
    html`<tr><td><time datetime="${e.at}">${loc.dateTime(e.at)}</time></td><td>${loc.msg(e.who)}</td><td>${loc.msg(e.purpose)}</td></tr>\n`,
)}</tbody>
</table>`
}
<p>${t('accessLog.download')} <a href="${ACCESSES_CSV}" download>${t('accessLog.csv')}</a> · <a href="${ACCESSES_JSON}" download>${t('accessLog.json')}</a></p>
</section>`;
}

export function accessLogRoutes({ deps }: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const config = { access: 'reporter' as const };
    const send = async (request: FastifyRequest, reply: FastifyReply, extension: 'csv' | 'json') => {
      const log = await reportAccessLog(deps, request.reporter!.reportId!);
      return reply
        .header('Content-Type', extension === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${accessLogFileName(log, extension)}"`)
        .header('Cache-Control', 'no-store')
        .send(extension === 'csv' ? accessLogCsv(log) : `${JSON.stringify(log, null, 2)}\n`);
    };
    app.get(ACCESSES_CSV, { config }, (request, reply) => send(request, reply, 'csv'));
    app.get(ACCESSES_JSON, { config }, (request, reply) => send(request, reply, 'json'));
  };
}
