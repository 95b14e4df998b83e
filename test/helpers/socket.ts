/**
 * Requests over a real socket, for what `inject` cannot show: a body that stops arriving, a connection the server
 * holds or closes, the answers Node and the bounds plugin write to the socket themselves.
 */
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import type { FastifyInstance } from 'fastify';

/** What came back: the status and body (null when no answer came), and whether the server closed the connection. */
export interface SocketAnswer {
  status: number | null;
  contentType: string | undefined;
  /** The Location header of a redirect. */
  location: string | undefined;
  body: string;
  closed: boolean;
}

/** The port of an app listening on 127.0.0.1 (it is made to listen when it is not). */
export async function portOf(app: FastifyInstance): Promise<number> {
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as net.AddressInfo).port;
}

/**
 * Sends a request with `Connection: close` and waits for its answer and for the connection to close, or gives up
 * after `deadlineMs` (a request the server leaves hanging then comes back with status null and closed false).
 * @param body what is sent of the body; `declaredLength` (default its length) goes in Content-Length, so a larger
 *   one leaves the body unfinished: the client stalls mid-body
 */
export function sendOverSocket(
  port: number,
  request: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    declaredLength?: number;
  },
  deadlineMs: number,
): Promise<SocketAnswer> {
  const body = typeof request.body === 'string' ? Buffer.from(request.body) : (request.body ?? Buffer.alloc(0));
  return new Promise((resolve) => {
    const answer: SocketAnswer = { status: null, contentType: undefined, location: undefined, body: '', closed: false };
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: request.method ?? 'POST',
      path: request.path,
      agent: false,
      headers: {
        Connection: 'close',
        'Content-Length': String(request.declaredLength ?? body.length),
        ...request.headers,
      },
    });
    req.on('response', (res) => {
      answer.status = res.statusCode ?? null;
      answer.contentType = res.headers['content-type'];
      answer.location = res.headers.location;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (answer.body += chunk));
    });
    // A reset after the answer, or no answer at all, is what the checks look at; the error itself says nothing more.
    req.on('error', () => undefined);
    req.on('close', () => {
      answer.closed = true;
      settle();
    });
    const timer = setTimeout(() => {
      req.destroy();
      settle();
    }, deadlineMs);
    req.write(body);
    if (request.declaredLength === undefined) req.end();
  });
}

/** How many file descriptors this process holds open (Linux: /proc/self/fd). */
export function openDescriptors(): number {
  return fs.readdirSync('/proc/self/fd').length;
}
