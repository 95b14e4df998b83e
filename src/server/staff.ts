/** Serves the built staff workspace at /staff/ (client routes fall back to index.html). */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';

export function staffAssetRoutes(webDir: string) {
  return async function routes(app: FastifyInstance): Promise<void> {
    const index = (reply: FastifyReply) => {
      if (!fs.existsSync(path.join(webDir, 'index.html')))
        return reply
          .status(503)
          .type('text/plain; charset=utf-8')
          .send('The staff workspace is not built. Run `npm run build:web` (npm start does it).');
      return reply.header('Cache-Control', 'no-store').sendFile('index.html', webDir, { cacheControl: false });
    };
    // With ignoreTrailingSlash, '/staff' and '/staff/' are one route: serve the app for both (no redirect loop).
    app.get('/staff', { config: { access: 'public' } }, (_req, reply) => index(reply));
    const rest = { params: z.object({ '*': z.string() }) };
    app.get<{ Params: { '*': string } }>(
      '/staff/assets/*',
      { config: { access: 'public' }, schema: rest },
      (req, reply) => {
        const file = req.params['*'];
        if (!/^[\w.-]+$/.test(file)) return reply.status(404).send();
        return reply.sendFile(path.join('assets', file), webDir, { maxAge: 31_536_000_000, immutable: true });
      },
    );
    app.get('/staff/*', { config: { access: 'public' }, schema: rest }, (_req, reply) => index(reply));
  };
}
