/**
 * Submissions per second through POST /api/v1/reports with one fixed body (body.ts). Every submission costs one
 * Argon2id (the receipt), so the ceiling is Argon2id throughput with the same parameters (argon2.ts).
 */
import { describeStatuses, load, type LoadResult } from '../lib/autocannon.ts';
import type { StartedServer } from '../lib/child.ts';
import { pause, settle } from '../lib/measure.ts';
import type { Metric } from '../lib/report.ts';
import { combineArgon2, type Argon2Result } from './argon2.ts';
import { submissionBody } from './body.ts';

export interface SubmissionOptions {
  connections: number;
  /** seconds */
  duration: number;
  /** seconds */
  warmup: number;
  progress(line: string): void;
}

/**
 * Submissions for `duration` s with `connections` connections, and the Argon2id bound with as many derivations
 * in flight, half measured before and half after the submissions (so that a change of load on the shared
 * machine moves both alike). After each load run the server is given a second to finish the submissions still
 * in flight, so that they do not overlap the next measurement.
 */
export async function measureSubmissions(
  app: StartedServer,
  o: SubmissionOptions,
): Promise<{ submissions: LoadResult; bound: Argon2Result }> {
  const { body, contentType } = await submissionBody();
  const submit = async (seconds: number) => {
    const result = await settle(
      load({
        url: `http://127.0.0.1:${app.port}/api/v1/reports`,
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
        connections: o.connections,
        duration: seconds,
        // A submission waits for the Argon2id queue; under load that is seconds, not a hang.
        timeout: 60,
      }),
    );
    await pause(1000);
    return result;
  };
  // In the app's own process (app-server.ts): the same thread pool and parameters the submissions use.
  const hash = (seconds: number) => app.call<Argon2Result>('argon2', { concurrency: o.connections, duration: seconds });

  o.progress(
    `warming up: ${o.warmup} s of submissions, ${o.warmup} s of Argon2id (${o.connections} connections / in flight)…`,
  );
  await submit(o.warmup);
  await hash(o.warmup);
  const half = o.duration / 2;
  o.progress(`measuring argon2 bound: deriveSecretKeys × ${o.connections} in flight for ${half} s…`);
  const before = await hash(half);
  o.progress(`measuring submissions: POST /api/v1/reports for ${o.duration} s…`);
  const submissions = await submit(o.duration);
  o.progress(
    `  ${submissions.okPerSecond.toFixed(2)} submissions/s (${describeStatuses(submissions)}; p50 ${submissions.latency.p50} ms)`,
  );
  o.progress(`measuring argon2 bound again for ${half} s…`);
  const after = await hash(half);
  const bound = combineArgon2(before, after);
  o.progress(
    `  argon2 bound: ${bound.perSecond.toFixed(2)} hashes/s (${before.perSecond.toFixed(2)} before, ${after.perSecond.toFixed(2)} after)`,
  );
  return { submissions, bound };
}

export function submissionMetric(submissions: LoadResult, bound: Argon2Result, connections: number): Metric {
  return {
    metric: `submissions per s (${connections} conn)`,
    value: submissions.okPerSecond,
    ceilingName: `Argon2id hashes/s, ${connections} in flight`,
    ceiling: bound.perSecond,
    goal: 0.8,
    notes:
      submissions.non2xx + submissions.errors > 0 ? [`not every answer was 201: ${describeStatuses(submissions)}`] : [],
  };
}
