/**
 * A typed, promise-based wrapper around autocannon (which ships no types). One load run: `connections` keep-alive
 * connections, one request in flight on each (no pipelining), for `duration` seconds.
 */
import { createRequire } from 'node:module';

export interface LoadOptions {
  url: string;
  connections: number;
  /** seconds */
  duration: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: Buffer;
  /** seconds a request may take before it counts as a timeout (autocannon's default is 10) */
  timeout?: number;
}

export interface LoadResult {
  /** 2xx responses per second of measured time */
  okPerSecond: number;
  /** all responses per second, whatever their status */
  responsesPerSecond: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** status code → count */
  statuses: Record<string, number>;
  /** seconds actually measured */
  duration: number;
  /** ms */
  latency: { p50: number; p99: number; max: number };
}

/** The subset of autocannon's result this wrapper reads. */
interface RawResult {
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
  latency: { p50: number; p99: number; max: number };
}
interface Instance {
  stop(): void;
}
type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, result: RawResult) => void) => Instance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface Load {
  result: Promise<LoadResult>;
  /** Ends the run early (Ctrl-C); `result` still settles with what was measured. */
  stop(): void;
}

export function load(options: LoadOptions): Load {
  let instance: Instance | undefined;
  const result = new Promise<LoadResult>((resolve, reject) => {
    instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.duration,
        pipelining: 1,
        method: options.method ?? 'GET',
        headers: options.headers ?? {},
        ...(options.body ? { body: options.body } : {}),
        timeout: options.timeout ?? 10,
        renderProgressBar: false,
        renderResultsTable: false,
        renderLatencyTable: false,
      },
      (err, raw) => (err ? reject(err) : resolve(summarise(raw))),
    );
  });
  return { result, stop: () => instance?.stop() };
}

function summarise(raw: RawResult): LoadResult {
  const statuses = Object.fromEntries(Object.entries(raw.statusCodeStats).map(([code, s]) => [code, s.count]));
  const responses = raw['2xx'] + raw.non2xx;
  return {
    okPerSecond: raw['2xx'] / raw.duration,
    responsesPerSecond: responses / raw.duration,
    ok: raw['2xx'],
    non2xx: raw.non2xx,
    errors: raw.errors,
    timeouts: raw.timeouts,
    statuses,
    duration: raw.duration,
    latency: { p50: raw.latency.p50, p99: raw.latency.p99, max: raw.latency.max },
  };
}

/** Two runs against the same target as one (e.g. halves measured before and after another run, to cancel drift). */
export function combine(a: LoadResult, b: LoadResult): LoadResult {
  const duration = a.duration + b.duration;
  const statuses: Record<string, number> = { ...a.statuses };
  for (const [code, n] of Object.entries(b.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  const weighted = (x: number, y: number) => (x * a.duration + y * b.duration) / duration;
  return {
    okPerSecond: (a.ok + b.ok) / duration,
    responsesPerSecond: (a.ok + a.non2xx + b.ok + b.non2xx) / duration,
    ok: a.ok + b.ok,
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
    timeouts: a.timeouts + b.timeouts,
    statuses,
    duration,
    // percentiles cannot be merged exactly; a duration-weighted mean is close enough to read
    latency: {
      p50: weighted(a.latency.p50, b.latency.p50),
      p99: weighted(a.latency.p99, b.latency.p99),
      max: Math.max(a.latency.max, b.latency.max),
    },
  };
}

/** e.g. "200 × 51234" or "404 × 51234, 3 errors" */
export function describeStatuses(r: LoadResult): string {
  const parts = Object.entries(r.statuses).map(([code, n]) => `${code} × ${n}`);
  if (r.errors > 0) parts.push(`${r.errors} errors${r.timeouts > 0 ? ` (${r.timeouts} timeouts)` : ''}`);
  return parts.join(', ') || 'no responses';
}
