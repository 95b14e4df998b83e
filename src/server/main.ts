/**
 * Starts Confide: validates configuration, opens and migrates the database, prints the one-time setup link when
 * there is no staff user yet (or seeds demo users with --demo), listens — itself, or with CONFIDE_WORKERS above 1 in
 * that many worker processes (src/server/cluster.ts) — starts the e-mail intake when configured (src/inbound), runs the periodic jobs (src/jobs), and shuts
 * down on SIGINT/SIGTERM within CONFIDE_SHUTDOWN_GRACE_SECONDS (exit 0), or 10 s after it at the latest (exit 1).
 */
import { buildApp } from './app.ts';
import { closeWithin } from './plugins/bounds.ts';
import { loadConfig, type Config } from './core/config.ts';
import { explainStartupError } from './startup-errors.ts';
import { buildDeps } from './deps.ts';
import { issueSetupToken, needsSetup } from '../domain/accounts/setup.ts';
import { seedDemo } from '../domain/accounts/demo.ts';
import { createJobs } from '../jobs/index.ts';
import { setUpMailIntake } from '../inbound/start.ts';
import { isWorker, runPrimary } from './cluster.ts';
import { serveMetrics } from './metrics.ts';
import { clusterMetricsReader, collectProcessMetrics, metricsText } from '../metrics/index.ts';
import type { Deps } from '../domain/deps.ts';

/** How long after the grace period a shutdown may take to unwind requests, jobs and the database before exit(1). */
const EXIT_MARGIN_MS = 10_000;

/** The data folder, once the configuration is read: start-up errors name it. */
let dataDir: string | undefined;

/** Prints the one-time setup link, or seeds the demo users: once per start, after the migrations. */
async function prepare(config: Config, deps: Deps): Promise<void> {
  if (config.demo && !(await needsSetup(deps))) {
    console.log(
      '\nDemo users were not created: this database already has staff users. Use an empty CONFIDE_DATA_DIR for a demo.',
    );
  } else if (config.demo) {
    const users = await seedDemo(deps);
    console.log('\nDemo users (passwords shown once; for trying Confide, never for real reports):');
    for (const u of users) console.log(`  ${u.role.padEnd(14)} ${u.username.padEnd(12)} ${u.password}`);
  } else if (await needsSetup(deps)) {
    const token = await issueSetupToken(deps);
    console.log(
      `\nNo staff user yet. Open this one-time link to create the first administrator:\n  ${config.publicUrl}/setup?token=${token}\n`,
    );
  }
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, ...(process.argv.includes('--demo') ? { CONFIDE_DEMO: '1' } : {}) });
  dataDir = config.dataDir;
  if (config.workers > 1 && !isWorker()) {
    // The installation is migrated and prepared once, here; the workers find it so.
    const built = await buildDeps(config);
    await prepare(config, built.deps).finally(() => built.close());
    const metrics = config.metrics.port
      ? await serveMetrics(config.metrics.port, config.metrics.host, clusterMetricsReader())
      : null;
    await runPrimary({
      workers: config.workers,
      stopWithinMs: config.http.shutdownGraceMs + EXIT_MARGIN_MS,
      log: (line) => console.log(line),
    });
    if (metrics) console.log(`Metrics: http://${config.metrics.host}:${metrics.port}/metrics (all workers)`);
    console.log(
      `Confide is running with ${config.workers} workers: public site ${config.publicUrl}/  staff workspace ${config.publicUrl}/staff/`,
    );
    return;
  }
  const { deps, close } = await buildDeps(config);
  const app = await buildApp({
    deps,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    logLevel: config.logLevel,
    bounds: config.http,
    metricsToken: config.metrics.token,
  });
  collectProcessMetrics();

  if (!isWorker()) await prepare(config, deps);

  const intake = setUpMailIntake(deps, config.mailIntake, app.log);
  const jobs = createJobs(deps, app.log, intake.jobs);
  let metrics: Awaited<ReturnType<typeof serveMetrics>> | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal, graceMs: config.http.shutdownGraceMs }, 'shutting down');
    // Past the grace period every connection is closed; whatever still holds the process after that is a fault.
    setTimeout(() => {
      app.log.error({ afterMs: config.http.shutdownGraceMs + EXIT_MARGIN_MS }, 'shutdown did not finish: exiting');
      process.exit(1);
    }, config.http.shutdownGraceMs + EXIT_MARGIN_MS).unref();
    await Promise.all([
      jobs.stop(),
      closeWithin(app, config.http.shutdownGraceMs),
      intake.smtp?.close(),
      metrics?.close(),
    ]);
    await close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  // Workers' metrics are served, added up, by the first process.
  metrics =
    config.metrics.port && !isWorker()
      ? await serveMetrics(config.metrics.port, config.metrics.host, metricsText)
      : null;
  if (intake.smtp) {
    const port = await intake.smtp.listen();
    console.log(`E-mail intake: SMTP receiver on ${config.mailIntake.smtp?.host}:${port}`);
  }
  jobs.start();
  if (isWorker()) return;
  if (metrics) console.log(`Metrics: http://${config.metrics.host}:${metrics.port}/metrics`);
  console.log(`Confide is running: public site ${config.publicUrl}/  staff workspace ${config.publicUrl}/staff/`);
}

main().catch((error: unknown) => {
  const known = explainStartupError(error, dataDir);
  if (known) console.error(`\nConfide could not start: ${known}\n`);
  else console.error(error);
  process.exit(1);
});
