/**
 * Child process: the real Confide app on a database seeded by seed.ts (CONFIDE_DATA_DIR, and DATABASE_URL for
 * PostgreSQL), with the seed's Argon2id costs so that its users can sign in. Adds nothing to the database but the
 * sessions the benchmark signs in with. Log level `info` (the request log goes to a discarded stdout) unless
 * CONFIDE_LOG_LEVEL says otherwise. Started by run.ts through bench/lib/child.ts.
 */
import { serveInChild } from '../lib/child.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { buildDeps } from '../../src/server/deps.ts';
import { seedEnv } from './seed.ts';

serveInChild(async () => {
  const dataDir = process.env.CONFIDE_DATA_DIR;
  if (!dataDir) throw new Error('CONFIDE_DATA_DIR is not set');
  const config = loadConfig({
    ...seedEnv(dataDir, process.env.DATABASE_URL),
    ...(process.env.CONFIDE_LOG_LEVEL ? { CONFIDE_LOG_LEVEL: process.env.CONFIDE_LOG_LEVEL } : {}),
  });
  const built = await buildDeps(config);
  try {
    const app = await buildApp({
      deps: built.deps,
      secureCookies: config.secureCookies,
      publicUrl: config.publicUrl,
      logLevel: config.logLevel,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    return {
      port: address.port,
      close: async () => {
        await app.close();
        await built.close();
      },
    };
  } catch (error) {
    await built.close();
    throw error;
  }
});
