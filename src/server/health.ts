/**
 * Probes for what runs Confide (a load balancer, systemd, Kubernetes): `GET /healthz` answers 200 while the process
 * serves requests; `GET /readyz` answers 200 when the database answers, its schema is current and the blob store can
 * be read and written, and 503 otherwise. Neither needs a session or says more than "ok" / "not ready": the cause
 * goes to the log, once each time readiness changes. The answer is reused for a second, so a storm of probes costs
 * one check.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Deps } from '../domain/deps.ts';
import { pendingMigrations, ping } from '../store/database.ts';

/** Longest a readiness check may take before it counts as "not ready" (ms). */
const CHECK_TIMEOUT_MS = 2_000;
/** How long one check's answer is reused (ms). */
const REUSE_MS = 1_000;

/** `work`, or a rejection naming `what` once `ms` have passed. */
async function within<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why Confide is not ready, or null when it is. */
async function notReadyBecause(deps: Pick<Deps, 'db' | 'blobs'>): Promise<string | null> {
  const checks: [string, () => Promise<string | null>][] = [
    [
      'database',
      async () => {
        await ping(deps.db);
        return (await pendingMigrations(deps.db)) > 0 ? 'migrations are not applied' : null;
      },
    ],
    ['blob store', async () => (await deps.blobs.check(), null)],
  ];
  const found = await Promise.all(
    checks.map(async ([what, check]) => {
      try {
        const problem = await within(what, CHECK_TIMEOUT_MS, check());
        return problem ? `${what}: ${problem}` : null;
      } catch (error) {
        return `${what}: ${(error as Error).message}`;
      }
    }),
  );
  const problems = found.filter((p): p is string => p !== null);
  return problems.length > 0 ? problems.join('; ') : null;
}

export function registerHealth(app: FastifyInstance, deps: Pick<Deps, 'db' | 'blobs'>, log: FastifyBaseLogger): void {
  let last: { at: number; problem: Promise<string | null> } | null = null;
  let wasReady = true; // a server that started has just reached its database and blob store

  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { hide: true }, logLevel: 'silent' },
    async (_request, reply) => reply.type('text/plain; charset=utf-8').send('ok\n'),
  );

  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { hide: true }, logLevel: 'silent' },
    async (_request, reply) => {
      const now = Date.now();
      if (!last || now - last.at >= REUSE_MS) last = { at: now, problem: notReadyBecause(deps) };
      const problem = await last.problem;
      if ((problem === null) !== wasReady) {
        if (problem === null) log.info({}, 'ready: the database and the blob store answer');
        else log.warn({ cause: problem }, 'not ready');
        wasReady = problem === null;
      }
      return reply
        .code(problem === null ? 200 : 503)
        .type('text/plain; charset=utf-8')
        .send(problem === null ? 'ready\n' : 'not ready\n');
    },
  );
}
