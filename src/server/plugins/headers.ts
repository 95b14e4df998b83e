/**
 * Response headers for every route: a strict Content-Security-Policy (no third-party anything, no inline script
 * or style), no referrer, no framing, no sniffing, no caching of anything that may hold report
 * content, and HTTPS only (HSTS) once the site is served over HTTPS.
 */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.ts';

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * No referrer to any other site. Not `no-referrer`: with it browsers send `Origin: null` on our own form posts,
 * which the origin check below could not tell from a request made by an opaque origin on another site.
 */
export const REFERRER_POLICY = 'same-origin';

/**
 * HSTS for two years (RFC 6797). Without includeSubDomains: it would bind every name under the public host, which
 * Confide cannot know about, and a deployment at an organisation's own domain would force HTTPS on all its sites.
 */
export const HSTS = 'max-age=63072000';

/**
 * @param options.hsts send Strict-Transport-Security on every response (CONFIDE_PUBLIC_URL is https); it is also
 * sent when a request itself arrived over HTTPS (directly, or as a proxy in CONFIDE_TRUST_PROXY says)
 */
export function registerHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('Referrer-Policy', REFERRER_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    if (options.hsts || request.protocol === 'https') reply.header('Strict-Transport-Security', HSTS);
  });
}

/**
 * Request log lines carry method, route pattern, status and time only: never an IP address, user agent, query
 * string or a path that could hold a token.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
}

/** The host of an Origin header; null when it is not a URL (a malformed header counts as foreign). */
function hostOf(origin: string): string | null {
  return URL.canParse(origin) ? new URL(origin).host : null;
}

/**
 * Refuses state-changing requests sent from another site: a browser marks them with `Sec-Fetch-Site:
 * cross-site` or an `Origin` that is not ours. Together with SameSite=Strict cookies and per-session tokens this
 * is the CSRF defence; it holds with JavaScript off.
 *
 * `Origin: null` comes from an opaque origin — a sandboxed frame, a data: URL, a redirect from another site — so
 * an attacker can always produce it. It is believed only with `Sec-Fetch-Site: same-origin`, which no page can
 * forge; browsers without Fetch Metadata (Safari before 16.4, Firefox before 90) send our own pages' real origin,
 * because REFERRER_POLICY is same-origin (with no-referrer they would send null from our own forms too).
 */
export function registerOriginCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    const host = request.headers.host;
    const crossSite = site === 'cross-site' || site === 'same-site';
    const opaque = origin === 'null' && site === undefined;
    const foreignOrigin = origin !== undefined && origin !== 'null' && host !== undefined && hostOf(origin) !== host;
    // Thrown, not sent: the error handler answers JSON on the API and a page on the public site.
    if (crossSite || foreignOrigin)
      throw new DomainError('forbidden', 'cross_site', 'Requests from other sites are refused.');
    if (opaque)
      throw new DomainError(
        'forbidden',
        'cross_site',
        'Your browser did not say which site this request came from, so it was refused. Go back, reload the page and try again; if this happens again, use an up-to-date browser.',
      );
  });
}
