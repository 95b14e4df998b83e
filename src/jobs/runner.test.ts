/**
 * The job runner on both databases: two runners ("nodes") on one database never run a job at once; a crashed
 * holder's lease is taken over once it runs out; a failing job is logged and runs again; stop waits for a run.
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { openDatabase, type OpenDatabase } from '../store/database.ts';
import { acquireLease } from '../store/leases.ts';
import { createJobRunner, type Job, type JobLog } from './runner.ts';

function recordingLog() {
  const lines: { level: string; obj: object; msg: string }[] = [];
  const log: JobLog = {
    debug: () => undefined,
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
  };
  return { log, lines };
}

/** A job that takes `ms` of real time and records how many runs of it were in progress at once. */
function overlapJob(name: string, intervalMs: number, ms: number) {
  const seen = { runs: 0, active: 0, maxActive: 0 };
  const job: Job = {
    name,
    intervalMs,
    async run() {
      seen.active += 1;
      seen.maxActive = Math.max(seen.maxActive, seen.active);
      try {
        await sleep(ms);
      } finally {
        seen.active -= 1;
        seen.runs += 1;
      }
    },
  };
  return { job, seen };
}

describe.each(DIALECTS)('job runner on %s', (dialect) => {
  let t: TestApp;
  let other: OpenDatabase;
  let clock = new Date('2030-01-07T09:00:00.000Z');
  const now = () => clock;
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
  beforeAll(async () => {
    t = await buildTestApp({ dialect, roles: [] });
    other = openDatabase({ url: t.databaseUrl, sqliteFile: path.join(t.dataDir, 'confide.sqlite') });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('never runs one job on two nodes at once, when both try together', async () => {
    const { job, seen } = overlapJob('together', 60_000, 15);
    const { log } = recordingLog();
    const a = createJobRunner({ db: t.deps.db, now }, [job], log);
    const b = createJobRunner({ db: other.db, now }, [job], log);
    for (let round = 0; round < 10; round++) {
      const ran = await Promise.all([a.runNow('together'), b.runNow('together')]);
      expect(ran.filter(Boolean)).toHaveLength(1);
      advance(60_000); // the next run is due
    }
    expect(seen).toEqual({ runs: 10, active: 0, maxActive: 1 });
  });

  it('never runs one job on two nodes at once, on their own timers', async () => {
    const { job, seen } = overlapJob('timers', 1, 5);
    const { log, lines } = recordingLog();
    const real = { now: () => new Date() };
    const a = createJobRunner({ db: t.deps.db, ...real }, [job], log);
    const b = createJobRunner({ db: other.db, ...real }, [job], log);
    a.start();
    b.start();
    await vi.waitFor(() => expect(seen.runs).toBeGreaterThanOrEqual(20), { timeout: 20_000, interval: 10 });
    await Promise.all([a.stop(), b.stop()]);
    expect(seen.maxActive).toBe(1);
    expect(lines.filter((l) => l.level !== 'info')).toEqual([]);
  });

  it('keeps the lease for the interval, so another node does not repeat the work', async () => {
    const { job, seen } = overlapJob('interval', 300_000, 0);
    const { log } = recordingLog();
    const a = createJobRunner({ db: t.deps.db, now }, [job], log);
    const b = createJobRunner({ db: other.db, now }, [job], log);
    expect(await a.runNow('interval')).toBe(true);
    advance(299_000);
    expect(await b.runNow('interval')).toBe(false);
    advance(2_000);
    expect(await b.runNow('interval')).toBe(true);
    expect(seen.runs).toBe(2);
  });

  it("takes over a crashed holder's lease once it has run out", async () => {
    const { job, seen } = overlapJob('crash', 60_000, 0);
    const { log } = recordingLog();
    // The crashed node took the lease for a run of up to 60 s and never came back.
    expect(await acquireLease(t.deps.db, 'crash', 'crashed-node', clock, new Date(clock.getTime() + 60_000))).toBe(
      true,
    );
    const survivor = createJobRunner({ db: other.db, now }, [job], log, { leaseMs: 60_000 });
    advance(59_000);
    expect(await survivor.runNow('crash')).toBe(false);
    advance(2_000);
    expect(await survivor.runNow('crash')).toBe(true);
    expect(seen.runs).toBe(1);
    const row = await t.deps.db
      .selectFrom('job_leases')
      .select('holder')
      .where('name', '=', 'crash')
      .executeTakeFirst();
    expect(row?.holder).not.toBe('crashed-node');
  });

  it('logs a failing run and runs the job again at its next interval', async () => {
    let calls = 0;
    const job: Job = {
      name: 'failing',
      intervalMs: 1_000,
      async run() {
        calls += 1;
        if (calls === 1) throw new Error('database went away');
      },
    };
    const { log, lines } = recordingLog();
    const runner = createJobRunner({ db: t.deps.db, now }, [job], log);
    expect(await runner.runNow('failing')).toBe(true);
    expect(lines).toEqual([
      {
        level: 'error',
        obj: { job: 'failing', err: new Error('database went away') },
        msg: 'job failed; it runs again at its next interval',
      },
    ]);
    advance(1_000);
    expect(await runner.runNow('failing')).toBe(true);
    expect(calls).toBe(2);
  });

  it('stops: aborts and waits for the run in progress, then schedules nothing more', async () => {
    let runs = 0;
    let finished = false;
    let sawAbort = false;
    const job: Job = {
      name: 'stopping',
      intervalMs: 1,
      async run(signal) {
        runs += 1;
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        sawAbort = signal.aborted;
        await sleep(20);
        finished = true;
      },
    };
    const { log } = recordingLog();
    const runner = createJobRunner({ db: t.deps.db, now: () => new Date() }, [job], log);
    runner.start();
    await vi.waitFor(() => expect(runs).toBe(1), { timeout: 10_000, interval: 5 });
    await runner.stop();
    expect({ finished, sawAbort }).toEqual({ finished: true, sawAbort: true });
    await sleep(30);
    expect(runs).toBe(1);
  });
});
