/**
 * Latency of `GET /api/v1/cases`, one request at a time over one keep-alive connection, as a member of staff paging
 * through the queue would see it. The cases are measured in interleaved rounds (one request of each per round), so
 * that a change of load on the shared machine during the run falls on all of them alike.
 */
import http from 'node:http';

export interface Scenario {
  id: 'first' | 'filtered' | 'deep' | 'handler';
  label: string;
  user: 'supervisor' | 'handler';
  /** path and query of the measured request (the deep page's cursor is found by `prepare`) */
  path: string;
}

export interface Latency {
  /** ms */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** requests measured */
  count: number;
}

export interface ScenarioResult extends Scenario {
  /** items on the measured page */
  items: number;
  latency: Latency;
}

const LIMIT = 50;
export const FILTER = 'status=assessing&category=cyber-espionage';

export function scenarios(): Scenario[] {
  return [
    { id: 'first', label: 'first page', user: 'supervisor', path: `/api/v1/cases?limit=${LIMIT}` },
    {
      id: 'filtered',
      label: `filtered (${FILTER})`,
      user: 'supervisor',
      path: `/api/v1/cases?${FILTER}&limit=${LIMIT}`,
    },
    { id: 'deep', label: 'deep keyset page', user: 'supervisor', path: '' },
    { id: 'handler', label: "handler's first page", user: 'handler', path: `/api/v1/cases?limit=${LIMIT}` },
  ];
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

export function summarise(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    count: sorted.length,
  };
}

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A client on one keep-alive connection. */
export function client(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const request = (method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string) =>
    new Promise<Response>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  return {
    get: (path: string, cookie: string) => request('GET', path, { cookie }),
    post: (path: string, json: unknown) =>
      request('POST', path, { 'content-type': 'application/json' }, JSON.stringify(json)),
    close: () => agent.destroy(),
  };
}
export type Client = ReturnType<typeof client>;

/** Signs in through POST /api/v1/session. @returns the session cookie */
export async function signIn(c: Client, username: string, password: string): Promise<string> {
  const res = await c.post('/api/v1/session', { username, password });
  const cookie = [res.headers['set-cookie'] ?? []].flat().find((v) => v.startsWith('confide_staff='));
  if (res.status !== 200 || !cookie) throw new Error(`sign-in of ${username}: ${res.status} ${res.body.slice(0, 200)}`);
  return cookie.split(';')[0]!;
}

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

async function page(c: Client, path: string, cookie: string): Promise<Page> {
  const res = await c.get(path, cookie);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.slice(0, 300)}`);
  return JSON.parse(res.body) as Page;
}

/** The largest page the API serves (CaseListQuery). */
const MAX_LIMIT = 200;

/**
 * Finds the page `depth + 1` of the default order (pages of 50) by following nextCursor from the first page. It
 * follows with pages of 200, the API's largest, which lands on the same row in a quarter of the requests: a cursor
 * holds only the last row's key.
 * @returns the path of that page (limit 50) and how long following took
 * @throws Error when the queue ends before that
 */
export async function deepPath(c: Client, cookie: string, depth: number): Promise<{ path: string; seconds: number }> {
  const started = performance.now();
  let cursor: string | undefined;
  for (let skipped = 0; skipped < depth * LIMIT;) {
    const limit = Math.min(MAX_LIMIT, depth * LIMIT - skipped);
    const p = await page(
      c,
      `/api/v1/cases?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      cookie,
    );
    skipped += p.items.length;
    if (!p.nextCursor)
      throw new Error(`the queue ends after ${skipped} cases: seed more cases or give a smaller --depth`);
    cursor = p.nextCursor;
  }
  return {
    path: `/api/v1/cases?limit=${LIMIT}&cursor=${encodeURIComponent(cursor!)}`,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * `warmup` rounds, then `requests` measured rounds; each round requests every scenario once, in order. A scenario
 * stops warming up after 3 s and stops being measured after `budget` s of measured time (at least 10 requests):
 * a plan that takes seconds would otherwise hold the machine for hours. `latency.count` says how many were measured.
 * Every answer must be 200 with a list; the item count of the last one is kept.
 */
export async function measureScenarios(
  c: Client,
  list: Scenario[],
  cookies: Record<Scenario['user'], string>,
  o: { requests: number; warmup: number; budgetSeconds: number },
): Promise<ScenarioResult[]> {
  const ms = list.map(() => [] as number[]);
  const spent = list.map(() => ({ warmup: 0, measured: 0 }));
  const items = list.map(() => 0);
  for (let round = 0; round < o.warmup + o.requests; round++) {
    const warming = round < o.warmup;
    for (const [i, s] of list.entries()) {
      const used = spent[i]!;
      if (warming ? used.warmup > 3000 : used.measured > o.budgetSeconds * 1000 && ms[i]!.length >= 10) continue;
      const started = performance.now();
      const res = await c.get(s.path, cookies[s.user]);
      const elapsed = performance.now() - started;
      if (res.status !== 200) throw new Error(`GET ${s.path}: ${res.status} ${res.body.slice(0, 300)}`);
      if (warming) used.warmup += elapsed;
      else {
        used.measured += elapsed;
        ms[i]!.push(elapsed);
        items[i] = (JSON.parse(res.body) as Page).items.length;
      }
    }
  }
  return list.map((s, i) => ({ ...s, items: items[i]!, latency: summarise(ms[i]!) }));
}
