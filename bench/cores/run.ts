/**
 * `npm run bench:cores [-- --duration 10 --connections 8 --json]`
 *
 * Submissions per second as the server gets more cores: for each core count k from 1 to this machine's, the server
 * (src/server/main.ts, production Argon2id 64 MiB t=3, SQLite) runs pinned to k cores with `taskset`, first as one
 * process (its libuv pool sized to the cores) and then with CONFIDE_WORKERS=k, under POST /api/v1/reports from
 * `--connections` connections. Each is set against the Argon2id bound on the same k cores — hashes per second with
 * as many derivations in flight, measured half before and half after — since every submission costs one Argon2id.
 * The load generator (autocannon, in this process) is not pinned. Results in docs/benchmarks.md.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { addUser } from '../../src/domain/accounts/users.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import { buildDeps } from '../../src/server/deps.ts';
import { threadsPerProcess } from '../../src/server/cluster.ts';
import { load } from '../lib/autocannon.ts';
import { cleanUpOnSignals, cleanup, onCleanup } from '../lib/cleanup.ts';
import { pause, settle } from '../lib/measure.ts';
import { submissionBody } from '../submit/body.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const progress = (line: string) => console.error(line);

interface Row {
  cores: number;
  workers: number;
  threadsPerWorker: number;
  submissionsPerSecond: number;
  argon2PerSecond: number;
  ratio: number;
  errors: number;
  /** status → count of the answers that were not 201, and "timeout"/"error" for none */
  failures: Record<string, number>;
  p99ms: number;
}

/** Argon2id hashes/s on cores 0..k-1 with a pool of k threads (at least 4, as the server's). */
function argon2Bound(
  cores: number,
  concurrency: number,
  seconds: number,
): { perSecond: number; hashes: number; duration: number } {
  const out = execFileSync(
    'taskset',
    [
      '-c',
      `0-${cores - 1}`,
      process.execPath,
      '--import',
      'tsx',
      'bench/cores/hash.ts',
      '--concurrency',
      String(concurrency),
      '--duration',
      String(seconds),
    ],
    { cwd: ROOT, env: { ...process.env, UV_THREADPOOL_SIZE: String(Math.max(4, cores)) }, encoding: 'utf8' },
  );
  return JSON.parse(out) as { perSecond: number; hashes: number; duration: number };
}

/** Starts the server on cores 0..k-1 with `workers` workers; resolves with its port and a stop. */
async function startServer(cores: number, workers: number, dataDir: string) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn('taskset', ['-c', `0-${cores - 1}`, process.execPath, '--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      CONFIDE_DATA_DIR: dataDir,
      CONFIDE_WORKERS: String(workers),
      CONFIDE_LOG_LEVEL: 'warn',
      UV_THREADPOOL_SIZE: String(Math.max(4, cores)),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  const remove = onCleanup(`stop the server (${workers} workers)`, stop);
  await new Promise<void>((resolve, reject) => {
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      if (/Confide is running/.test(text)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it ran:\n${text}`)));
  });
  return {
    port,
    stop: async () => {
      remove();
      await stop();
    },
  };
}

async function main(): Promise<void> {
  cleanUpOnSignals();
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '8' },
      json: { type: 'boolean', default: false },
    },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const machineCores = os.availableParallelism();
  const { body, contentType } = await submissionBody();
  progress(
    `Confide bench:cores: ${new Date().toISOString()}, Node ${process.version}, ${machineCores} × ${os.cpus()[0]?.model ?? '?'}`,
  );

  const rows: Row[] = [];
  for (let cores = 1; cores <= machineCores; cores++) {
    for (const workers of [...new Set([1, cores])]) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-bench-cores-'));
      onCleanup('remove temp data folder', () => fs.rmSync(dataDir, { recursive: true, force: true }));
      const config = loadConfig({ CONFIDE_DATA_DIR: dataDir, CONFIDE_LOG_LEVEL: 'silent' });
      const built = await buildDeps(config);
      for (const role of ['supervisor', 'custodian'] as const)
        await addUser(built.deps, { username: `bench-${role}`, role, password: randomBytes(18).toString('base64url') });
      await built.close();
      progress(`${cores} core(s), ${workers} worker(s): starting…`);
      const server = await startServer(cores, workers, dataDir);
      const submit = (seconds: number) =>
        settle(
          load({
            url: `http://127.0.0.1:${server.port}/api/v1/reports`,
            method: 'POST',
            headers: { 'content-type': contentType },
            body,
            connections,
            duration: seconds,
            timeout: 60,
          }),
        );
      await submit(Math.min(3, duration));
      await pause(1000);
      progress(`  Argon2id bound on ${cores} core(s), ${duration / 2} s…`);
      const before = argon2Bound(cores, connections, duration / 2);
      progress(`  submissions for ${duration} s…`);
      const result = await submit(duration);
      await pause(1000);
      const after = argon2Bound(cores, connections, duration / 2);
      await server.stop();
      const argon2PerSecond = (before.hashes + after.hashes) / (before.duration + after.duration);
      rows.push({
        cores,
        workers,
        threadsPerWorker: workers === 1 ? Math.max(4, cores) : threadsPerProcess(workers),
        submissionsPerSecond: result.okPerSecond,
        argon2PerSecond,
        ratio: result.okPerSecond / argon2PerSecond,
        errors: result.errors + result.timeouts + result.non2xx,
        failures: {
          ...Object.fromEntries(Object.entries(result.statuses).filter(([status]) => !status.startsWith('2'))),
          ...(result.timeouts ? { timeout: result.timeouts } : {}),
          ...(result.errors ? { error: result.errors } : {}),
        },
        p99ms: result.latency.p99,
      });
    }
  }
  await cleanup();
  if (values.json)
    console.log(JSON.stringify({ date: new Date().toISOString(), connections, duration, rows }, null, 2));
  else {
    const base = rows[0]!.submissionsPerSecond;
    console.log(
      '\n| cores | workers | libuv threads each | submissions/s | × 1 core | Argon2id bound/s | ratio | p99 ms | errors |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of rows)
      console.log(
        `| ${r.cores} | ${r.workers} | ${r.threadsPerWorker} | ${r.submissionsPerSecond.toFixed(2)} | ${(r.submissionsPerSecond / base).toFixed(2)} | ${r.argon2PerSecond.toFixed(2)} | ${r.ratio.toFixed(2)} | ${r.p99ms} | ${r.errors}${
          r.errors
            ? ` (${Object.entries(r.failures)
                .map(([k, n]) => `${k}×${n}`)
                .join(', ')})`
            : ''
        } |`,
      );
  }
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await cleanup();
  process.exit(1);
});
