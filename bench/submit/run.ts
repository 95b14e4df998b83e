/**
 * `npm run bench:submit [-- --duration 10 --connections N --json --only landing|submissions --cpu-prof-dir DIR]`
 *
 * Measures, in one run on one machine, each figure against a ceiling measured in the same run (only ratios from
 * one run mean anything on a shared machine):
 *   1. submissions/s through POST /api/v1/reports ÷ Argon2id hashes/s (same parameters, same concurrency); goal ≥ 0.8
 *   2. GET / of the app ÷ GET / of a bare Fastify hello-world; goal ≥ 0.5
 * Servers run in child processes on 127.0.0.1 and random ports; the data folder is a temp folder, removed at the
 * end and on Ctrl-C. Exits 0 when a goal is missed (it is a measurement; the table says what was missed).
 * See docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/server/core/config.ts';
import type { LoadResult } from '../lib/autocannon.ts';
import { startServer } from '../lib/child.ts';
import { cleanUpOnSignals, cleanup, interrupted, onCleanup } from '../lib/cleanup.ts';
import { score, table, type Metric } from '../lib/report.ts';
import type { Argon2Result } from './argon2.ts';
import { landingMetrics, measureLanding, type LandingResult } from './landing.ts';
import { measureSubmissions, submissionMetric } from './submissions.ts';

const APP = fileURLToPath(new URL('./app-server.ts', import.meta.url));
const USAGE = `usage: npm run bench:submit -- [--duration SECONDS] [--connections N] [--json] [--only landing|submissions] [--cpu-prof-dir DIR]
  --duration      seconds per measurement (default 10; ceilings are measured half before, half after; each
                  target is warmed up first for min(3, duration) s)
  --connections   concurrent connections (default 10 for the landing page, 4 for submissions and the Argon2id bound)
  --json          print the results as JSON on stdout (progress stays on stderr)
  --only          run one benchmark
  --cpu-prof-dir  write a V8 CPU profile of the app process into DIR (open it in Chrome DevTools)`;

interface Options {
  duration: number;
  connections: number | undefined;
  json: boolean;
  only: 'landing' | 'submissions' | undefined;
  cpuProfDir: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string' },
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      'cpu-prof-dir': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (name: string, raw: string) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1 (got "${raw}")\n${USAGE}`);
    return n;
  };
  if (values.only !== undefined && values.only !== 'landing' && values.only !== 'submissions')
    throw new Error(`--only takes landing or submissions (got "${values.only}")\n${USAGE}`);
  return {
    duration: positive('duration', values.duration),
    connections: values.connections === undefined ? undefined : positive('connections', values.connections),
    json: values.json,
    only: values.only,
    cpuProfDir: values['cpu-prof-dir'] === undefined ? undefined : path.resolve(values['cpu-prof-dir']),
  };
}

const progress = (line: string) => console.error(line);

async function main(): Promise<void> {
  cleanUpOnSignals();
  const options = parseOptions(process.argv.slice(2));
  const { duration } = options;
  const warmup = Math.min(3, duration);
  const argon2 = loadConfig({}).argon2;
  const env = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '?',
  };
  progress(`Confide bench: ${env.date}, Node ${env.node}, ${env.cpus} × ${env.cpu}`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-bench-'));
  onCleanup('remove temp data folder', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  progress(
    `starting the app (Argon2id ${argon2.memoryCost} KiB, t=${argon2.timeCost}, p=${argon2.parallelism}; SQLite in ${dataDir}; ` +
      'adding a supervisor and a custodian)…',
  );
  const app = await startServer(APP, {
    name: 'app',
    env: { CONFIDE_DATA_DIR: dataDir },
    execArgv: options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [],
  });

  const metrics: Metric[] = [];
  const raw: { landing?: LandingResult; submissions?: LoadResult; argon2?: Argon2Result } = {};

  if (options.only !== 'submissions') {
    const connections = options.connections ?? 10;
    const landing = await measureLanding(app.port, { connections, duration, warmup, scratchDir: dataDir, progress });
    raw.landing = landing;
    metrics.push(...landingMetrics(landing, connections));
  }

  if (options.only !== 'landing') {
    const connections = options.connections ?? 4;
    const { submissions, bound } = await measureSubmissions(app, {
      connections,
      duration,
      warmup,
      progress,
    });
    raw.submissions = submissions;
    raw.argon2 = bound;
    metrics.push(submissionMetric(submissions, bound, connections));
  }

  await app.stop();
  await cleanup();
  if (options.cpuProfDir) progress(`CPU profile of the app written to ${options.cpuProfDir}`);

  const scored = metrics.map(score);
  if (options.json) {
    console.log(
      JSON.stringify(
        { ...env, argv: process.argv.slice(2), options: { ...options, warmup }, argon2, metrics: scored, raw },
        null,
        2,
      ),
    );
  } else {
    console.log(`\n${table(scored)}`);
  }
}

main().catch(async (error: unknown) => {
  if (interrupted.aborted) return; // the signal handler cleans up and exits 130
  console.error(error instanceof Error ? error.message : error);
  await cleanup();
  process.exit(1);
});
