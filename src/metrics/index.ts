/**
 * Prometheus metrics (prom-client, its default registry, so that a cluster's first process can add up its workers'):
 * counts and times only. No label ever holds content, an identity, a reference, a case or user id, or a raw path —
 * routes are Fastify's patterns (`/api/v1/cases/:id`), channels and jobs their fixed names.
 * Exposed on CONFIDE_METRICS_PORT or, with CONFIDE_METRICS_TOKEN, at /metrics (src/server/metrics.ts).
 */
import client from 'prom-client';

let defaultsOn = false;
let readQueues: () => Promise<Record<string, number>> = async () => ({});

/** Node's own metrics (event-loop lag, heap, CPU, handles), once per process; a worker's are added up by the first. */
export function collectProcessMetrics(): void {
  if (defaultsOn) return;
  defaultsOn = true;
  client.collectDefaultMetrics({ eventLoopMonitoringPrecision: 20 });
  // In a worker, this makes it answer the first process's requests for its metrics (prom-client adds the listener
  // when an AggregatorRegistry is made).
  new client.AggregatorRegistry();
}

export const httpRequests = new client.Counter({
  name: 'confide_http_requests_total',
  help: 'HTTP requests answered, by method, route pattern (or "unmatched") and status code',
  labelNames: ['method', 'route', 'status'] as const,
});

export const httpDuration = new client.Histogram({
  name: 'confide_http_request_duration_seconds',
  help: 'Time from a request to its answer, by method and route pattern',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
});

export const submissions = new client.Counter({
  name: 'confide_submissions_total',
  help: 'Reports stored, by the channel they came through (web, email, phone, letter, walk_in, referral)',
  labelNames: ['channel'] as const,
});

export const jobRuns = new client.Counter({
  name: 'confide_job_runs_total',
  help: 'Periodic job runs on this node, by job and outcome (ok or failed)',
  labelNames: ['job', 'outcome'] as const,
});

export const jobDuration = new client.Histogram({
  name: 'confide_job_duration_seconds',
  help: 'How long periodic job runs took, by job',
  labelNames: ['job'] as const,
  buckets: [0.01, 0.05, 0.25, 1, 5, 30, 120, 600],
});

export const mailFailures = new client.Counter({
  name: 'confide_mail_failures_total',
  help: 'Mails the SMTP server did not take (staff notices, receipts sent back to e-mail reporters)',
});

/**
 * Gauges read when metrics are scraped: `read` answers the current sizes of the work queues.
 * @param read e.g. `{ notices_pending: 3, cases_untriaged: 1 }` (whole numbers; names are fixed, never ids)
 */
export function registerQueueGauge(read: () => Promise<Record<string, number>>): void {
  // The newest app's reader answers (tests build several apps in one process).
  readQueues = read;
  if (client.register.getSingleMetric('confide_queue_size')) return;
  new client.Gauge({
    name: 'confide_queue_size',
    help: 'Work waiting, by queue: staff notices not yet mailed, reports not yet triaged',
    labelNames: ['queue'] as const,
    async collect() {
      this.reset();
      for (const [queue, size] of Object.entries(await readQueues())) this.set({ queue }, size);
    },
  });
}

/** This process's metrics in Prometheus' text format, and its content type. */
export async function metricsText(): Promise<{ text: string; contentType: string }> {
  return { text: await client.register.metrics(), contentType: client.register.contentType };
}

/** In a cluster's first process: every worker's metrics, added up (prom-client's AggregatorRegistry). */
export function clusterMetricsReader(): () => Promise<{ text: string; contentType: string }> {
  const aggregator = new client.AggregatorRegistry();
  return async () => ({ text: await aggregator.clusterMetrics(), contentType: aggregator.contentType });
}
