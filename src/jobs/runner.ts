/**
 * Runs periodic jobs on every node, each under a database lease (src/store/leases.ts), so that across all nodes one run of a
 * job happens at a time and about once per interval. A failed run is logged and the job tried again at its next
 * interval; nothing a job throws stops the runner or the process. A node that finds the lease taken tries again when
 * it ends rather than a whole interval later, so that the work goes on soon after its holder dies.
 */
import { randomUUID } from 'node:crypto';
import type { Deps } from '../domain/deps.ts';
import { MINUTE } from '../shared/time.ts';
import { acquireLease, extendLease, leaseEnd } from '../store/leases.ts';
import { jobDuration, jobRuns } from '../metrics/index.ts';

export interface Job {
  /** Unique name; also the key of its lease. */
  name: string;
  /** Time from the start of one run to the start of the next, across all nodes (ms). */
  intervalMs: number;
  /** One run. `signal` aborts when the runner stops: finish the current unit of work and return. */
  run(signal: AbortSignal): Promise<void>;
}

/** The part of a pino/Fastify logger the runner and jobs use. */
export interface JobLog {
  debug?(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobRunner {
  /** Schedules every job: the first run after min(interval, 5 s), then one per interval. */
  start(): void;
  /** Runs one job now if its lease can be taken. @returns whether it ran (its failure is logged, not thrown) */
  runNow(name: string): Promise<boolean>;
  /** Stops scheduling, aborts and waits for runs in progress. */
  stop(): Promise<void>;
}

export interface RunnerOptions {
  /** This node's name in job_leases (default: a random UUID per runner). */
  holder?: string;
  /** How long a running job's lease lasts before its heartbeat renews it (ms; default 60 s). */
  leaseMs?: number;
}

export function createJobRunner(
  deps: Pick<Deps, 'db' | 'now'>,
  jobs: readonly Job[],
  log: JobLog,
  options: RunnerOptions = {},
): JobRunner {
  const holder = options.holder ?? randomUUID();
  const leaseMs = options.leaseMs ?? MINUTE;
  const stopping = new AbortController();
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();
  const later = (ms: number) => new Date(deps.now().getTime() + ms);

  async function runLeased(job: Job): Promise<boolean> {
    const started = deps.now();
    if (!(await acquireLease(deps.db, job.name, holder, started, later(leaseMs)))) {
      log.debug?.({ job: job.name, node: holder }, 'job lease held by another node');
      return false;
    }
    // A heartbeat keeps the lease while the run takes longer than leaseMs, so no other node starts it meanwhile.
    const heartbeat = setInterval(() => {
      extendLease(deps.db, job.name, holder, later(leaseMs)).then(
        (kept) => kept || log.warn({ job: job.name }, 'job lease lost while running'),
        (error: unknown) => log.warn({ job: job.name, err: error }, 'job lease could not be renewed'),
      );
    }, leaseMs / 2);
    heartbeat.unref();
    log.debug?.({ job: job.name, node: holder }, 'job run');
    const timer = jobDuration.startTimer({ job: job.name });
    try {
      await job.run(stopping.signal);
      jobRuns.inc({ job: job.name, outcome: 'ok' });
    } catch (error) {
      jobRuns.inc({ job: job.name, outcome: 'failed' });
      log.error({ job: job.name, err: error }, 'job failed; it runs again at its next interval');
    } finally {
      timer();
      clearInterval(heartbeat);
      // Keep the lease until the next run is due, so other nodes do not repeat the work within the interval.
      await extendLease(deps.db, job.name, holder, new Date(started.getTime() + job.intervalMs)).catch(
        (error: unknown) => log.warn({ job: job.name, err: error }, 'job lease could not be kept'),
      );
    }
    return true;
  }

  function track<T>(p: Promise<T>): Promise<T> {
    inFlight.add(p);
    const done = () => inFlight.delete(p);
    p.then(done, done); // the caller handles p's own outcome
    return p;
  }

  /** The wait before the next try: an interval after a run; when another node held the lease, until it ends. */
  async function nextDelay(job: Job, ran: boolean): Promise<number> {
    if (ran) return job.intervalMs;
    const end = await leaseEnd(deps.db, job.name);
    if (!end) return job.intervalMs;
    // A moment past its end, with a little spread so that waiting nodes do not all ask at once.
    const wait = end.getTime() - deps.now().getTime() + 250 + Math.floor(Math.random() * 500);
    return Math.min(job.intervalMs, Math.max(1_000, wait));
  }

  function schedule(job: Job, delayMs: number): void {
    if (stopping.signal.aborted) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void track(
        runLeased(job)
          .then((ran) => nextDelay(job, ran))
          .catch((error: unknown) => {
            log.error({ job: job.name, err: error }, 'job lease failed');
            return job.intervalMs;
          }),
      ).then((delay) => schedule(job, delay));
    }, delayMs);
    timer.unref();
    timers.add(timer);
  }

  return {
    start() {
      for (const job of jobs) schedule(job, Math.min(job.intervalMs, 5_000));
    },
    runNow(name) {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`No job named "${name}".`);
      return track(runLeased(job));
    },
    async stop() {
      stopping.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
