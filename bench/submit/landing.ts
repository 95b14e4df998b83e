/**
 * Landing page requests per second: GET / of the app against a bare Fastify hello-world (bare-server.ts), same
 * autocannon settings. For reading the ratio, the bare server also sends the app's landing page as fixed bytes
 * (what the page's size alone costs). Each ceiling is measured half before and half after the app, so that a
 * change of load on the shared machine during the run moves value and ceiling alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { combine, describeStatuses, load, type LoadResult } from '../lib/autocannon.ts';
import { startServer } from '../lib/child.ts';
import { settle } from '../lib/measure.ts';
import type { Metric } from '../lib/report.ts';

const BARE = fileURLToPath(new URL('./bare-server.ts', import.meta.url));

export interface LandingOptions {
  connections: number;
  /** seconds */
  duration: number;
  /** seconds */
  warmup: number;
  /** a folder for the page's bytes */
  scratchDir: string;
  progress(line: string): void;
}

export interface LandingResult {
  app: LoadResult;
  /** bare Fastify, "hello" */
  bare: LoadResult;
  /** bare Fastify, the app's landing page as fixed bytes */
  bareSamePage: LoadResult;
  /** bytes of the app's GET / body */
  pageBytes: number;
}

export async function measureLanding(appPort: number, o: LandingOptions): Promise<LandingResult> {
  const response = await fetch(`http://127.0.0.1:${appPort}/`);
  const page = Buffer.from(await response.arrayBuffer());
  const pageFile = path.join(o.scratchDir, 'landing-page.bin');
  fs.writeFileSync(pageFile, page);
  o.progress(`GET / of the app answers ${response.status}, ${page.length} bytes`);
  o.progress('starting bare Fastify…');
  const bare = await startServer(BARE, {
    name: 'bare Fastify',
    env: {
      BENCH_PAGE_FILE: pageFile,
      BENCH_PAGE_TYPE: response.headers.get('content-type') ?? 'text/html; charset=utf-8',
    },
  });
  try {
    const targets = {
      app: `http://127.0.0.1:${appPort}/`,
      hello: `http://127.0.0.1:${bare.port}/`,
      page: `http://127.0.0.1:${bare.port}/page`,
    };
    const run = (url: string, seconds: number) => settle(load({ url, connections: o.connections, duration: seconds }));
    o.progress(
      `warming up: ${o.warmup} s each on app GET /, bare hello-world, bare same page (${o.connections} connections)…`,
    );
    for (const url of Object.values(targets)) await run(url, o.warmup);

    const half = o.duration / 2;
    o.progress(`measuring bare hello-world and bare same page, ${half} s each…`);
    const hello1 = await run(targets.hello, half);
    const page1 = await run(targets.page, half);
    o.progress(`measuring app GET / for ${o.duration} s…`);
    const app = await run(targets.app, o.duration);
    o.progress(`  app: ${app.okPerSecond.toFixed(0)} 2xx/s (${describeStatuses(app)}; p50 ${app.latency.p50} ms)`);
    o.progress(`measuring bare same page and bare hello-world again, ${half} s each…`);
    const page2 = await run(targets.page, half);
    const hello2 = await run(targets.hello, half);
    const result = { app, bare: combine(hello1, hello2), bareSamePage: combine(page1, page2), pageBytes: page.length };
    o.progress(
      `  bare hello-world: ${result.bare.okPerSecond.toFixed(0)} 2xx/s; bare same page: ${result.bareSamePage.okPerSecond.toFixed(0)} 2xx/s`,
    );
    return result;
  } finally {
    await bare.stop();
  }
}

/** The goal row (against hello-world) and a row without goal (against the same bytes) to read it by. */
export function landingMetrics(r: LandingResult, connections: number): Metric[] {
  const notes: string[] = [];
  if (r.app.ok === 0)
    notes.push(
      `GET / never answered 2xx (${describeStatuses(r.app)}): the landing page is not in place; ` +
        `all answers came at ${r.app.responsesPerSecond.toFixed(0)}/s (ratio ${(r.app.responsesPerSecond / r.bare.okPerSecond).toFixed(2)})`,
    );
  else if (r.app.non2xx + r.app.errors > 0) notes.push(`app answers: ${describeStatuses(r.app)}`);
  const metric = `GET / per s (${connections} conn)`;
  return [
    {
      metric,
      value: r.app.okPerSecond,
      ceilingName: 'bare Fastify hello-world',
      ceiling: r.bare.okPerSecond,
      goal: 0.5,
      notes,
    },
    {
      metric,
      value: r.app.okPerSecond,
      ceilingName: `bare Fastify sending the same ${r.pageBytes} bytes`,
      ceiling: r.bareSamePage.okPerSecond,
      notes: [],
    },
  ];
}
