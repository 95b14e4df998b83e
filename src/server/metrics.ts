/**
 * Where the metrics (src/metrics) are read: a listener of their own (CONFIDE_METRICS_PORT, on CONFIDE_METRICS_HOST,
 * default 127.0.0.1), and/or `GET /metrics` on the main port for a bearer of CONFIDE_METRICS_TOKEN. Without the
 * token the route answers 404 like any unknown address, so the public site does not show that it exists.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { httpDuration, httpRequests, metricsText, registerQueueGauge } from '../metrics/index.ts';
import type { Deps } from '../domain/deps.ts';
import { countQueues } from '../store/outbox.ts';

type ReadMetrics = () => Promise<{ text: string; contentType: string }>;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Counts and times every answer by route pattern; adds the queue sizes; serves /metrics to the token's bearer. */
export function registerMetrics(app: FastifyInstance, deps: Pick<Deps, 'db'>, token: string | undefined): void {
  registerQueueGauge(() => countQueues(deps.db));
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  const expected = token ? digest(`Bearer ${token}`) : null;
  app.get(
    '/metrics',
    { config: { access: 'public' }, schema: { hide: true }, logLevel: 'silent' },
    async (request, reply) => {
      const given = request.headers.authorization;
      if (!expected || !given || !timingSafeEqual(digest(given), expected)) return reply.callNotFound();
      const { text, contentType } = await metricsText();
      return reply.header('Cache-Control', 'no-store').type(contentType).send(text);
    },
  );
}

/**
 * Serves `GET /metrics` from `read` on a listener of its own. @returns once listening, with its port and a close
 */
export async function serveMetrics(
  port: number,
  host: string,
  read: ReadMetrics,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    read().then(
      ({ text, contentType }) => response.writeHead(200, { 'content-type': contentType }).end(text),
      (error: unknown) =>
        response.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics could not be read: ${String(error)}\n`),
    );
  });
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
