/**
 * What the database does for each measured request: the SQL `listCases` sends (captured through a Kysely log on a
 * second connection to the same database, so the app's own code builds it; every statement of one call), each
 * statement's plan — SQLite `EXPLAIN QUERY PLAN`, PostgreSQL `EXPLAIN (ANALYZE, BUFFERS)` — and the call's time
 * without HTTP and the app around it.
 */
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type CompiledQuery, type LogEvent } from 'kysely';
import pg from 'pg';
import { listCases, type QueueQuery } from '../../src/domain/cases/queue.ts';
import type { Profile } from '../../src/shared/profile.ts';
import type { Tables } from '../../src/store/tables.ts';
import { summarise, type Latency, type Scenario } from './measure.ts';
import { SEED_USERS, type Dialect } from './seed.ts';

export interface Statement {
  sql: string;
  parameters: readonly unknown[];
  plan: string;
}

export interface Explained {
  id: Scenario['id'];
  /** in the order listCases sends them */
  statements: Statement[];
  /** the query alone through listCases (without HTTP), up to `runs` times in a row after one warm-up run */
  queryLatency: Latency;
}

function queueQuery(pathAndQuery: string): QueueQuery {
  const q = new URL(pathAndQuery, 'http://x').searchParams;
  const get = (k: string) => q.get(k) ?? undefined;
  return {
    order: get('order') as QueueQuery['order'],
    status: get('status') as QueueQuery['status'],
    category: get('category'),
    channel: get('channel') as QueueQuery['channel'],
    label: get('label'),
    urgent: q.has('urgent') ? q.get('urgent') === 'true' : undefined,
    limit: Number(get('limit') ?? 50),
    cursor: get('cursor'),
  };
}

export async function explainScenarios(
  target: { dialect: Dialect; dataDir: string; databaseUrl?: string | undefined },
  list: Scenario[],
  runs: number,
): Promise<Explained[]> {
  let captured: CompiledQuery[] = [];
  const log = (event: LogEvent) => {
    captured.push(event.query);
  };
  const sqlite = target.dialect === 'sqlite' ? new SQLite(path.join(target.dataDir, 'confide.sqlite')) : undefined;
  const pool = target.databaseUrl ? new pg.Pool({ connectionString: target.databaseUrl, max: 1 }) : undefined;
  const db = new Kysely<Tables>({
    dialect: sqlite ? new SqliteDialect({ database: sqlite }) : new PostgresDialect({ pool: pool! }),
    log,
  });
  const plan = async (c: CompiledQuery): Promise<string> => {
    if (sqlite) {
      const rows = sqlite.prepare(`explain query plan ${c.sql}`).all(...(c.parameters as unknown[])) as {
        id: number;
        parent: number;
        detail: string;
      }[];
      const depth = new Map<number, number>([[0, 0]]);
      return rows
        .map((r) => {
          const d = (depth.get(r.parent) ?? 0) + 1;
          depth.set(r.id, d);
          return `${'  '.repeat(d - 1)}${r.detail}`;
        })
        .join('\n');
    }
    const res = await pool!.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${c.sql}`,
      c.parameters as unknown[],
    );
    return res.rows.map((r) => r['QUERY PLAN']).join('\n');
  };
  try {
    const users = await db.selectFrom('users').select(['id', 'username']).execute();
    const idOf = (user: Scenario['user']) => users.find((u) => u.username === SEED_USERS[user].username)!.id;
    // Only the id is used by the query; the keys are never opened. Category titles fall back to ids.
    const deps = { db, dialect: target.dialect, profile: () => ({ categories: [] }) as unknown as Profile };
    const out: Explained[] = [];
    for (const s of list) {
      const viewer = { userId: idOf(s.user), role: s.user, publicKey: Buffer.alloc(32), secretKey: Buffer.alloc(32) };
      const query = queueQuery(s.path);
      captured = [];
      await listCases(deps, viewer, query);
      const compiled = captured;
      captured = []; // the timing runs below log into a fresh list
      const times: number[] = [];
      // A plan that takes seconds gets 3 runs, not `runs`.
      for (let spent = 0; times.length < runs && (times.length < 3 || spent < 5000);) {
        const started = performance.now();
        await listCases(deps, viewer, query);
        times.push(performance.now() - started);
        spent += times[times.length - 1]!;
      }
      const statements: Statement[] = [];
      for (const c of compiled) statements.push({ sql: c.sql, parameters: c.parameters, plan: await plan(c) });
      out.push({ id: s.id, statements, queryLatency: summarise(times) });
    }
    return out;
  } finally {
    await db.destroy();
  }
}
