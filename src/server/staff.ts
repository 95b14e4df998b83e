/** Serves the built staff workspace at /staff/ (client routes fall back to index.html). */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

export function staffAssetRoutes(webDir: string) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const index = (reply: FastifyReply) => {
      if (!fs.existsSync(path.join(webDir, 'index.html')))
        return reply.status(503).type('text/plain; charset=utf-8').send('The staff workspace is not built. Run `npm run build:web` (npm start does it).');
      return reply.header('Cache-Control', 'no-store').sendFile('index.html', webDir);
    };
    app.get('/staff', { config: { access: 'public' } }, (_req, reply) => reply.redirect('/staff/'));
    app.get('/staff/assets/*', { config: { access: 'public' } }, (req, reply) => {
      const file = (req.params as { '*': string })['*'];
      if (!/^[\w.-]+$/.test(file)) return reply.status(404).send();
      return reply.header('Cache-Control', 'public, max-age=31536000, immutable').sendFile(path.join('assets', file), webDir);
    });
    app.get('/staff/*', { config: { access: 'public' } }, (_req, reply) => index(reply));
  };
}
