/**
 * `npm run bench:queue [-- --cases 100000,1000000 --dialect sqlite,postgres --requests 200 --keep DIR --explain]`
 *
 * Latency of the case queue, `GET /api/v1/cases`, on a seeded history (seed.ts) of each size and database: the
 * supervisor's first page (default queue order, 50 items), a filtered page, a keyset page `--depth` pages deep, and
 * the first page of a handler who holds few grants. The real app runs in a child process (app-server.ts); requests
 * are sequential over one keep-alive connection, after warm-up rounds. Goal: p95 < 50 ms at 1,000,000 cases on both
 * databases. Seeded databases are kept (`--keep`, default under the OS temp folder) and reused by later runs.
 * Exits 0 when a goal is missed (it is a measurement; the table says what was missed). See docs/benchmarks.md.
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../lib/child.ts';
import { cleanUpOnSignals, cleanup, interrupted } from '../lib/cleanup.ts';
import { dataset, DEFAULT_KEEP_DIR, removeKept, type Dataset } from './datasets.ts';
import { explainScenarios, type Explained } from './explain.ts';
import { client, deepPath, measureScenarios, scenarios, signIn, type ScenarioResult } from './measure.ts';
import { DEFAULT_POSTGRES_URL } from './postgres.ts';
import { SEED_USERS, type Dialect } from './seed.ts';
import { resultTable, type Row } from './table.ts';

const APP = fileURLToPath(new URL('./app-server.ts', import.meta.url));
const GOAL_MS = 50;
const GOAL_FROM_CASES = 1_000_000;

const USAGE = `usage: npm run bench:queue -- [--cases 100000,1000000] [--dialect sqlite,postgres] [--requests 200]
        [--warmup 20] [--depth 200] [--budget 60] [--keep DIR | --no-keep] [--postgres-url URL] [--explain]
        [--json] [--clean]
  --cases         sizes to measure (default 100000,1000000)
  --dialect       databases (default sqlite,postgres)
  --requests      measured requests per case (default 200), after --warmup rounds (default 20)
  --depth         pages of 50 followed by nextCursor before the deep page is measured (default 200)
  --budget        seconds of measured time per case, after which it stops at the requests done (at least 10)
                  (default 60; the table's n column says how many were measured)
  --keep          folder where seeded databases are kept and reused (default ${DEFAULT_KEEP_DIR});
                  PostgreSQL databases are named confide_bench_queue_<hash of the folder>_<cases>
  --no-keep       seed into temporary databases, removed at the end
  --postgres-url  a superuser's URL on the PostgreSQL server (default ${DEFAULT_POSTGRES_URL},
                  or BENCH_POSTGRES_URL); the benchmark creates its own databases there
  --explain       also print each query's SQL, plan (SQLite EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN ANALYZE) and
                  its time without HTTP
  --json          print the results as JSON on stdout (progress stays on stderr)
  --clean         drop the kept databases, remove the keep folder, and exit`;

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: 'string', default: '100000,1000000' },
      dialect: { type: 'string', default: 'sqlite,postgres' },
      requests: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      depth: { type: 'string', default: '200' },
      budget: { type: 'string', default: '60' },
      keep: { type: 'string', default: DEFAULT_KEEP_DIR },
      'no-keep': { type: 'boolean', default: false },
      'postgres-url': { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL },
      explain: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      clean: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const whole = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} takes whole numbers ≥ ${min} (got "${raw}")\n${USAGE}`);
    return n;
  };
  const dialects = values.dialect.split(',').map((d) => {
    if (d !== 'sqlite' && d !== 'postgres')
      throw new Error(`--dialect takes sqlite and/or postgres (got "${d}")\n${USAGE}`);
    return d as Dialect;
  });
  return {
    cases: values.cases.split(',').map((c) => whole('cases', c.replace(/_/g, ''), 1000)),
    dialects,
    requests: whole('requests', values.requests, 1),
    warmup: whole('warmup', values.warmup, 0),
    depth: whole('depth', values.depth, 1),
    budgetSeconds: whole('budget', values.budget, 1),
    keepDir: values['no-keep'] ? undefined : values.keep,
    postgresUrl: values['postgres-url'],
    explain: values.explain,
    json: values.json,
    clean: values.clean,
  };
}

const progress = (line: string) => console.error(line);

/** Starts the app on the dataset, signs both users in, finds the deep page, and measures. */
async function measureDataset(ds: Dataset, o: ReturnType<typeof parseOptions>): Promise<ScenarioResult[]> {
  progress(`starting the app on ${ds.dialect} (${ds.cases.toLocaleString('en')} cases)…`);
  const app = await startServer(APP, {
    name: `app (${ds.dialect}, ${ds.cases} cases)`,
    // An empty DATABASE_URL keeps a PostgreSQL URL in this shell's environment away from the SQLite runs.
    env: { CONFIDE_DATA_DIR: ds.dataDir, DATABASE_URL: ds.databaseUrl ?? '' },
  });
  const c = client(app.port);
  try {
    const cookies = {
      supervisor: await signIn(c, SEED_USERS.supervisor.username, SEED_USERS.supervisor.password),
      handler: await signIn(c, SEED_USERS.handler.username, SEED_USERS.handler.password),
    };
    const list = scenarios();
    const deep = await deepPath(c, cookies.supervisor, o.depth);
    const deepScenario = list.find((s) => s.id === 'deep')!;
    deepScenario.path = deep.path;
    deepScenario.label = `deep page (after ${(o.depth * 50).toLocaleString('en')})`;
    progress(`  followed nextCursor past ${(o.depth * 50).toLocaleString('en')} cases in ${deep.seconds.toFixed(1)} s`);
    progress(`  measuring: ${o.warmup} warm-up rounds, then ${o.requests} rounds of ${list.length} requests…`);
    const results = await measureScenarios(c, list, cookies, {
      requests: o.requests,
      warmup: o.warmup,
      budgetSeconds: o.budgetSeconds,
    });
    for (const r of results)
      progress(
        `    ${r.label}: p50 ${r.latency.p50.toFixed(1)} ms, p95 ${r.latency.p95.toFixed(1)} ms (${r.items} items)`,
      );
    return results;
  } finally {
    c.close();
    await app.stop();
  }
}

async function main(): Promise<void> {
  cleanUpOnSignals();
  const o = parseOptions(process.argv.slice(2));
  if (o.clean) return removeKept(o.keepDir ?? DEFAULT_KEEP_DIR, o.postgresUrl, progress);
  const env = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '?',
    loadavg: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
  progress(`Confide queue bench: ${env.date}, Node ${env.node}, ${env.cpus} × ${env.cpu}, load ${env.loadavg}`);
  progress(o.keepDir ? `seeded databases are kept in ${o.keepDir} (remove: --clean)` : 'temporary databases');

  const rows: Row[] = [];
  const seeds: Dataset[] = [];
  const plans: (Explained & { cases: number; dialect: Dialect })[] = [];
  for (const cases of o.cases) {
    for (const dialect of o.dialects) {
      const ds = await dataset({ dialect, cases, keepDir: o.keepDir, postgresUrl: o.postgresUrl, progress });
      seeds.push(ds);
      const results = await measureDataset(ds, o);
      const goal = cases >= GOAL_FROM_CASES ? GOAL_MS : undefined;
      rows.push(...results.map((r) => ({ cases, dialect, result: r, goalMs: goal })));
      if (o.explain) {
        progress('  explaining each query…');
        for (const e of await explainScenarios(ds, results, 20)) plans.push({ ...e, cases, dialect });
      }
    }
  }
  await cleanup();
  const loadAfter = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

  if (o.json) {
    const seeding = seeds.map((s) => ({ ...s.seed, reused: s.reused }));
    console.log(JSON.stringify({ ...env, loadAfter, argv: process.argv.slice(2), seeding, rows, plans }, null, 2));
    return;
  }
  for (const p of plans) {
    console.log(
      `\n### ${p.dialect}, ${p.cases.toLocaleString('en')} cases, ${p.id}: listCases alone p50 ` +
        `${p.queryLatency.p50.toFixed(1)} ms, p95 ${p.queryLatency.p95.toFixed(1)} ms (${p.queryLatency.count} runs)`,
    );
    for (const [i, st] of p.statements.entries()) {
      if (p.statements.length > 1) console.log(`-- statement ${i + 1} of ${p.statements.length}`);
      console.log(st.sql);
      console.log(`-- parameters: ${JSON.stringify(st.parameters)}`);
      console.log(st.plan);
    }
  }
  console.log(`\nload average before ${env.loadavg}, after ${loadAfter}`);
  for (const s of seeds)
    console.log(
      `${s.dialect} ${s.cases.toLocaleString('en')} cases: ${s.reused ? 'reused, ' : ''}seeded ${s.seed.seededAt} in ` +
        `${s.seed.insertSeconds.toFixed(0)} s + ANALYZE ${s.seed.analyzeSeconds.toFixed(0)} s`,
    );
  console.log(`\n${resultTable(rows)}`);
}

main().catch(async (error: unknown) => {
  if (interrupted.aborted) return; // the signal handler cleans up and exits 130
  console.error(error instanceof Error ? error.message : error);
  await cleanup();
  process.exit(1);
});
