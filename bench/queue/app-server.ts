/**
 * Child process: the real Confide app on a database seeded by seed.ts (CONFIDE_DATA_DIR, and DATABASE_URL for
 * PostgreSQL), with the seed's Argon2id costs so that its users can sign in. Adds nothing to the database but the
 * sessions the benchmark signs in with. Log level `info` (the request log goes to a discarded stdout) unless
 * CONFIDE_LOG_LEVEL says otherwise. Started by run.ts through bench/lib/child.ts.
 */
import { listenApp } from '../lib/app.ts';
import { serveInChild } from '../lib/child.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import { seedEnv } from './seed.ts';

serveInChild(async () => {
  const dataDir = process.env.CONFIDE_DATA_DIR;
  if (!dataDir) throw new Error('CONFIDE_DATA_DIR is not set');
  const config = loadConfig({
    ...seedEnv(dataDir, process.env.DATABASE_URL),
    ...(process.env.CONFIDE_LOG_LEVEL ? { CONFIDE_LOG_LEVEL: process.env.CONFIDE_LOG_LEVEL } : {}),
  });
  return listenApp(config);
});
