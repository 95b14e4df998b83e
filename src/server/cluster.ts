/**
 * CONFIDE_WORKERS above 1: the first process prepares the installation once (migrations, the setup link or the demo
 * users: `prepare`), then starts that many worker processes with node:cluster. Each worker is a whole server —
 * requests, e-mail intake, periodic jobs under their leases — and they share the listening port, which the first
 * process hands out connection by connection. A worker that dies is replaced after a second; on SIGTERM/SIGINT every
 * worker gets SIGTERM and the first process exits once they all have (exit 0), or exits 1 after the shutdown grace
 * and a margin.
 */
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';

/** Worker deaths in a minute after which the first process gives up (a fault at start-up, not a crash). */
const MAX_DEATHS_PER_MINUTE = 10;

/**
 * libuv threads per process: they run Argon2id (each hash a thread and `memoryCost` KiB for its duration) and file
 * system work. The cores shared out between the workers, and never fewer than libuv's default of 4.
 */
export function threadsPerProcess(workers: number): number {
  return Math.max(4, Math.ceil(os.availableParallelism() / workers));
}

export interface PrimaryOptions {
  workers: number;
  /** How long workers may take to stop after SIGTERM before the first process gives up on them (ms). */
  stopWithinMs: number;
  log(line: string): void;
}

export async function runPrimary(options: PrimaryOptions): Promise<void> {
  const env = { UV_THREADPOOL_SIZE: String(threadsPerProcess(options.workers)), CONFIDE_WORKER: '1' };
  let stopping = false;
  const deaths: number[] = [];
  const start = (): Worker => cluster.fork(env);

  let listening = 0;
  const ready = new Promise<void>((resolve) => {
    cluster.on('listening', () => {
      listening += 1;
      if (listening === options.workers) resolve();
    });
  });

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    deaths.push(now);
    while (deaths[0]! < now - 60_000) deaths.shift();
    if (deaths.length >= MAX_DEATHS_PER_MINUTE) {
      options.log(`Confide stopped: ${deaths.length} workers died within a minute; the last said code ${code}.`);
      process.exit(1);
    }
    options.log(`Worker ${worker.process.pid} ended (${signal ?? `code ${code}`}); starting another.`);
    setTimeout(start, 1_000).unref();
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {}))
      worker?.process.kill(signal === 'SIGINT' ? 'SIGTERM' : signal);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    setTimeout(() => {
      options.log('Workers did not stop in time: exiting.');
      process.exit(1);
    }, options.stopWithinMs).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  for (let i = 0; i < options.workers; i++) start();
  await ready;
}

/** Whether this process is a worker the first process started. */
export const isWorker = (): boolean => cluster.isWorker;
