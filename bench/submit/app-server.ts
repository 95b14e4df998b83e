/**
 * Child process: the real Confide app with production configuration (`loadConfig` defaults: Argon2id 64 MiB, t=3,
 * p=1; SQLite; log level info) on a temp data folder given in CONFIDE_DATA_DIR, with one supervisor and one
 * custodian so that the public form takes reports. Started by run.ts through bench/lib/child.ts; its command
 * `argon2` measures the Argon2id bound inside this same process (same thread pool, same parameters).
 */
import { randomBytes } from 'node:crypto';
import { listenApp } from '../lib/app.ts';
import { serveInChild } from '../lib/child.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import { addUser } from '../../src/domain/accounts/users.ts';
import { argon2Throughput } from './argon2.ts';
import { SUBMIT_CATEGORY } from './body.ts';

serveInChild(async () => {
  const dataDir = process.env.CONFIDE_DATA_DIR;
  if (!dataDir) throw new Error('CONFIDE_DATA_DIR is not set');
  // Limits, log level and the blob store may be set by the benchmark that starts this server (bench/upload).
  const passed = [
    'CONFIDE_MAX_FILE_BYTES',
    'CONFIDE_LOG_LEVEL',
    'CONFIDE_BLOB_URL',
    'AWS_ENDPOINT_URL_S3',
    'AWS_REGION',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
  ].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : []));
  const config = loadConfig({ CONFIDE_DATA_DIR: dataDir, ...Object.fromEntries(passed) });
  const app = await listenApp(config, async (deps) => {
    if (!deps.profile().categories.some((c) => c.id === SUBMIT_CATEGORY))
      throw new Error(`profile "${deps.profile().id}" has no category "${SUBMIT_CATEGORY}"`);
    for (const role of ['supervisor', 'custodian'])
      await addUser(deps, { username: `bench-${role}`, role, password: randomBytes(18).toString('base64url') });
  });
  return {
    port: app.port,
    close: app.close,
    commands: {
      // The ceiling for submissions, measured in this process: same thread pool, same parameters.
      argon2: (args: { concurrency: number; duration: number }) =>
        argon2Throughput(app.deps.argon2, args.concurrency, args.duration),
    },
  };
});
