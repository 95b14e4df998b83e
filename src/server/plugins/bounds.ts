/**
 * How long a connection may take, so that no client holds one forever (config: CONFIDE_*_TIMEOUT_SECONDS):
 * - its headers: `headersTimeoutMs` (Node's `headersTimeout`), then 408;
 * - the whole request, body included: `requestTimeoutMs` (Node's `requestTimeout`), then 408. It must fit a slow
 *   honest upload of the largest file allowed;
 * - no byte in either way: `idleTimeoutMs` (the socket timeout), then 408 while the request is still arriving, 503
 *   when it has arrived and the answer is overdue;
 * - an idle keep-alive connection: `keepAliveTimeoutMs`.
 * Node checks the first two every second (`connectionsCheckingInterval`). These answers are written to the socket
 * directly, since no route will finish: the API's error shape under /api, the public site's error page elsewhere;
 * then the connection is closed. Log lines carry the code only (no address).
 *
 * On shutdown (`closeWithin`) new requests are answered 503 `shutting_down` in the same shapes, requests in flight
 * get `shutdownGraceMs` to finish, then every connection still open is closed.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { errors } from '../../domain/errors.ts';
import type { HttpBounds } from '../core/config.ts';
import type { ErrorView } from '../core/errors.ts';
import { CSP } from './headers.ts';

/** Renders the public site's error page for `view` (a whole HTML document). */
export type ErrorPage = (view: ErrorView) => string;

export const DEFAULT_BOUNDS: HttpBounds = {
  headersTimeoutMs: 30_000,
  requestTimeoutMs: 1_800_000,
  idleTimeoutMs: 120_000,
  keepAliveTimeoutMs: 72_000,
  shutdownGraceMs: 5_000,
};

/** An answer written to the socket; a page may say more than the API (the browser's Back button keeps the form). */
type Answer = ErrorView & { pageMessage?: string };

const REQUEST_TIMEOUT: Answer = {
  status: 408,
  id: 'request_timeout',
  message:
    'The request did not arrive in time (the connection may be slow or interrupted). Nothing was stored; please send it again.',
  pageMessage:
    "What you sent did not arrive in time (the connection may be slow or interrupted), and nothing was stored. Go back with your browser's Back button, where what you typed is usually still filled in, and send it again.",
};
const ANSWER_TIMEOUT: Answer = {
  status: 503,
  id: 'answer_timeout',
  message:
    'The server took too long to answer. What you sent may or may not have been stored: check before sending it again.',
};
const HEADERS_TOO_LARGE: Answer = {
  status: 431,
  id: 'headers_too_large',
  message: 'The request headers are larger than allowed.',
};
const MALFORMED: Answer = {
  status: 400,
  id: 'bad_request',
  message: 'The request could not be understood (malformed body or headers).',
};

interface Current {
  req: IncomingMessage;
  res: ServerResponse;
  page: boolean;
}

/** Whether a path is answered with pages (the public site) rather than JSON (the API). */
const isPagePath = (url: string | undefined) => !/^\/(api\/|staff\/api)/.test(url ?? '/api/');

/**
 * Fastify options that bound every connection, and the hook that answers what those bounds cut off.
 * @param page renders the public error page; used for requests outside /api
 */
export function boundedServer(bounds: HttpBounds, page: ErrorPage) {
  // The request each connection is on (the last one, on a keep-alive connection), to answer in its shape.
  const current = new WeakMap<Socket, Current>();

  function answer(socket: Socket, view: Answer): void {
    // A keep-alive connection's last request, already answered, says nothing about the one now arriving.
    const on = current.get(socket);
    const inFlight = on && !on.res.writableEnded ? on : undefined;
    if (!socket.writable || inFlight?.res.headersSent) return;
    const html = inFlight?.page === true;
    const body = html
      ? page({ ...view, message: view.pageMessage ?? view.message })
      : JSON.stringify({ error: { id: view.id, message: view.message } });
    socket.write(
      `HTTP/1.1 ${view.status} ${STATUS_CODES[view.status]}\r\n` +
        `Content-Type: ${html ? 'text/html' : 'application/json'}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Security-Policy: ${CSP}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n` +
        `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }

  const options = {
    http: { headersTimeout: bounds.headersTimeoutMs, connectionsCheckingInterval: 1000 },
    requestTimeout: bounds.requestTimeoutMs,
    connectionTimeout: bounds.idleTimeoutMs,
    keepAliveTimeout: bounds.keepAliveTimeoutMs,
    // New requests during shutdown are answered by registerBounds in the API's own shape.
    return503OnClosing: false,
    clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket) {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const view =
        error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? REQUEST_TIMEOUT
          : error.code === 'HPE_HEADER_OVERFLOW'
            ? HEADERS_TOO_LARGE
            : MALFORMED;
      this.log.info({ code: error.code, status: view.status }, 'connection answered and closed');
      answer(socket, view);
      socket.destroy();
    },
  };

  /** Tracks each connection's request, answers idle connections, and refuses new requests once closing. */
  function register(app: FastifyInstance): void {
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
      app.log.info('new requests are answered 503 from now on');
    });
    app.addHook('onRequest', async (request, reply) => {
      current.set(request.raw.socket, { req: request.raw, res: reply.raw, page: isPagePath(request.url) });
      if (closing)
        throw errors.unavailable(
          'shutting_down',
          'The server is restarting. Nothing you sent was stored; please try again in a minute.',
        );
    });
    // A listener replaces Node's own handling, which closes the socket without a word.
    app.server.on('timeout', (socket: Socket) => {
      const on = current.get(socket);
      if (on && !on.res.writableEnded) {
        app.log.info({ complete: on.req.complete }, 'idle connection answered and closed');
        answer(socket, on.req.complete ? ANSWER_TIMEOUT : REQUEST_TIMEOUT);
      }
      socket.destroy();
    });
  }

  return { options, register };
}

/**
 * Closes the app within a bound: stops accepting connections and closes idle ones, answers new requests on open
 * connections 503 (see `register`), lets requests in flight finish for `graceMs`, then closes every connection left
 * (their requests fail as if the client had gone). Resolves when the server has closed.
 */
export async function closeWithin(app: FastifyInstance, graceMs: number): Promise<void> {
  const timer = setTimeout(() => {
    app.log.warn({ graceMs }, 'closing the connections still open after the shutdown grace period');
    app.server.closeAllConnections();
  }, graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}
