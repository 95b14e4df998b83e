/**
 * The reporter-facing site: server-rendered HTML that works with JavaScript off. Every route declares
 * `config.access`; every page escapes what it shows (html.ts); the only cookie is the reporter's session cookie,
 * set on sign-in with a receipt. Every POST is answered with a redirect (303), so that no browser keeps a posted
 * body in its session history: one that fails leads to the same form again, shown from a draft with what was typed
 * kept and a summary of the problems (src/domain/reporter/drafts.ts), or to its error page, shown the same way.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errors } from '../../domain/errors.ts';
import { channelStateReader } from '../../domain/reporter/channel-state.ts';
import type { Profile } from '../../shared/profile.ts';
import type { RouteContext } from '../core/route-context.ts';
import type { ErrorView } from '../core/errors.ts';
import { cookieOptions, REPORTER_COOKIE } from '../plugins/access.ts';
import { accessLogRoutes } from './access-log.ts';
import { certificateDownloadRoutes } from './certificate.ts';
import { followUpRoutes, sessionEndedPath } from './followup.ts';
import { html } from './html.ts';
import { landingPage } from './landing.ts';
import { page, sendPage } from './layout.ts';
import { defaultLanguage, localeFor, localeOf, pathLanguage, type Locale } from './locale.ts';
import { readDraft, stashDraft } from '../../domain/reporter/drafts.ts';
import { protectionFollowUpRoutes } from './protection.ts';
import { identityFollowUpRoutes } from './identity.ts';
import { transcriptFollowUpRoutes } from './transcripts.ts';
import { reportRoutes } from './report.ts';
import { setupRoutes } from './setup.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on requests handled inside the public site, so its error pages can show the profile's header. */
    publicContext?: RouteContext;
  }
}

/** Files under ./assets that may be served: lower-case names, a stylesheet or a script. */
const ASSET = /^[a-z0-9][a-z0-9-]{0,63}\.(?:css|js|svg|ico)$/;

export function publicRoutes(ctx: RouteContext) {
  return async function routes(app: FastifyInstance): Promise<void> {
    app.decorateRequest('publicContext', {
      getter() {
        return ctx;
      },
    });

    app.setNotFoundHandler(async (request) => {
      throw request.url.startsWith('/api/')
        ? errors.notFound('Not found.')
        : errors.notFound('There is no page at this address. Please check it, or go to the start page.');
    });

    // Browsers ask for /favicon.ico on their own; pages link /assets/favicon.svg.
    app.get('/favicon.ico', { config: { access: 'public' } }, (_request, reply) => {
      reply.header('Cache-Control', 'public, max-age=86400');
      return reply.sendFile('favicon.ico', { cacheControl: false });
    });

    const assetSchema = { params: z.object({ file: z.string() }) };
    app.get<{ Params: { file: string } }>(
      '/assets/:file',
      { config: { access: 'public' }, schema: assetSchema },
      (request, reply) => {
        const { file } = request.params;
        if (!ASSET.test(file)) return reply.callNotFound();
        reply.header('Cache-Control', 'no-cache');
        return reply.sendFile(file, { cacheControl: false });
      },
    );

    // A redirect from a page in another language than the default keeps the language (`/zh-CN/…`).
    app.addHook('onSend', async (request, reply) => {
      const language = pathLanguage(request);
      const location = reply.getHeader('location');
      if (language && typeof location === 'string')
        reply.header('location', localeFor(ctx.deps.profile(), language).href(location));
    });

    const channelState = channelStateReader(ctx.deps);
    // The landing page depends only on the profile, the language and the channel state: rendered once for each.
    const rendered = new WeakMap<Profile, Map<string, string>>();
    app.get('/', { config: { access: 'public' } }, async (request, reply) => {
      const state = await channelState();
      const profile = ctx.deps.profile();
      const loc = localeOf(request, profile);
      const pages = rendered.get(profile) ?? new Map<string, string>();
      rendered.set(profile, pages);
      const key = `${loc.language}:${state.accepting}:${state.needsSetup}`;
      let page = pages.get(key);
      if (page === undefined) pages.set(key, (page = landingPage(loc, loc.profile!, state)));
      return sendPage(reply, 200, page);
    });

    app.get('/problem', { config: { access: 'public' } }, async (request, reply) => {
      const problem = await readDraft<Problem>(
        ctx.deps,
        PROBLEM_SCOPE,
        (request.query as Record<string, unknown>).draft,
      );
      if (!problem)
        throw errors.notFound('There is no page at this address. Please check it, or go to the start page.');
      return reply
        .status(problem.status)
        .type('text/html; charset=utf-8')
        .send(errorPage(localeOf(request, ctx.deps.profile()), problem));
    });

    await app.register(reportRoutes(ctx));
    await app.register(followUpRoutes(ctx));
    await app.register(certificateDownloadRoutes(ctx));
    await app.register(protectionFollowUpRoutes(ctx));
    await app.register(identityFollowUpRoutes(ctx));
    await app.register(transcriptFollowUpRoutes(ctx));
    await app.register(accessLogRoutes(ctx));
    await app.register(setupRoutes(ctx));
  };
}

/** Statuses with their own title in the catalogue (`errorPage.titles.<status>`). */
const TITLED: ReadonlySet<number> = new Set([400, 403, 404, 408, 409, 410, 413, 429, 503]);

/** An error page to show after a redirect: what a failed post is answered with. */
interface Problem {
  status: number;
  message: string;
  /** Link back to the report page (the request was a reporter's), else to the start page. */
  reporterPage: boolean;
}
const PROBLEM_SCOPE = 'problem';

function errorPage(loc: Locale, problem: Problem): string {
  const { t } = loc;
  const title = TITLED.has(problem.status)
    ? t(`errorPage.titles.${problem.status}`)
    : t(problem.status >= 500 ? 'errorPage.serverError' : 'errorPage.titles.400');
  const back = problem.reporterPage
    ? html`<a href="/follow-up/report">${t('errorPage.backToReport')}</a>`
    : html`<a href="/">${t('errorPage.startPage')}</a>`;
  const main = html`<h1>${title}</h1>
<p>${loc.msg(problem.message)}</p>
<p>${back}</p>`;
  return page(loc, { title, main });
}

/**
 * The error page as a whole document, for answers written without a route (a request cut off by its time bound,
 * one refused while shutting down): a title for the status, the message meant for people, a way to the start page.
 */
export function errorPageHtml(profile: Profile | null, view: ErrorView): string {
  return errorPage(localeFor(profile, defaultLanguage(profile)), {
    status: view.status,
    message: view.message,
    reporterPage: false,
  });
}

/**
 * The error page of the public site (and of anything outside /api). Shows the message meant for people, never
 * internals. A reporter whose session ended is sent to sign in again instead. A failed post is answered with a
 * redirect to the page (a page answering it would keep the posted body in the browser's session history), unless
 * the page cannot be stashed, which is logged.
 */
export async function renderErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  view: ErrorView,
): Promise<FastifyReply> {
  const reporterPage = request.routeOptions.config?.access === 'reporter';
  const ctx = request.publicContext;
  if (view.status === 401 && reporterPage) {
    reply.clearCookie(REPORTER_COOKIE, cookieOptions(request, ctx?.secureCookies ?? true));
    const why = view.id === 'session_idle' ? 'idle' : view.id === 'session_cap' ? 'cap' : '1';
    // A post refused because the session had ended stored nothing: say so.
    const sent = request.method === 'POST' && !request.routeOptions.config?.sendsNothing;
    return reply.redirect(sessionEndedPath(why, sent ? 'notsent' : null), 303);
  }
  const problem: Problem = { status: view.status, message: view.message, reporterPage };
  if (ctx && request.method !== 'GET' && request.method !== 'HEAD') {
    try {
      const token = await stashDraft(ctx.deps, PROBLEM_SCOPE, problem);
      return reply.redirect(`/problem?draft=${token}`, 303);
    } catch (error) {
      request.log.error({ err: error }, 'the error page could not be stashed for a redirect: shown in the answer');
    }
  }
  return reply
    .type('text/html; charset=utf-8')
    .send(errorPage(localeOf(request, ctx?.deps.profile() ?? null), problem));
}
