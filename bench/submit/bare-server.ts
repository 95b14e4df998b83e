/**
 * Child process: the ceilings for the landing page, a bare Fastify (default options, no logger) answering
 * `GET /` with "hello" and, when BENCH_PAGE_FILE names a file, `GET /page` with that file's bytes (the app's
 * landing page fetched once) and BENCH_PAGE_TYPE as content-type: the cost of the bytes without the app's work.
 */
import fs from 'node:fs';
import Fastify from 'fastify';
import { serveInChild } from '../lib/child.ts';

serveInChild(async () => {
  const app = Fastify();
  app.get('/', () => 'hello');
  const file = process.env.BENCH_PAGE_FILE;
  if (file) {
    const page = fs.readFileSync(file);
    const type = process.env.BENCH_PAGE_TYPE ?? 'text/html; charset=utf-8';
    app.get('/page', (_request, reply) => reply.type(type).send(page));
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return { port: address.port, close: () => app.close() };
});
