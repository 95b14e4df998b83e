/**
 * Fuzzing across the OpenAPI document (issue 8, "Also"): a few thousand seeded requests on every route, sent
 * anonymously, as each staff role and as a reporter, with random path parameters, queries and bodies (JSON of the
 * documented shape or not, forms, multipart well formed and malformed). Every request is answered within a bound,
 * none with a 5xx, and every error of the API comes in its own shape. A failure lists each request that broke the
 * rule; the seed makes the run repeatable.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/domain/accounts/users.ts';
import { ROLES } from '../../src/shared/api.ts';
import { buildTestApp, PASSWORD, type TestApp } from '../helpers/app.ts';
import { submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { bodyFor, operationsOf, paramValue, queryFor, type Body, type Operation } from '../helpers/fuzz.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';

const SEED = 20_260_801;
const RUNS = 4000;
/** Far beyond any honest answer here (they take milliseconds): a request not answered by then is hanging. */
const ANSWER_WITHIN_MS = 5_000;
/** Hanging requests after which the run stops and reports, rather than wait for every one. */
const MAX_HANGS = 5;
const IDENTITIES = ['anonymous', 'reporter', ...ROLES] as const;
type Identity = (typeof IDENTITIES)[number];

interface FuzzRequest {
  op: Operation;
  identity: Identity;
  params: string[];
  query: string;
  body: Body | Promise<Body>;
  csrf: 'right' | 'wrong' | 'none';
}

function requests(ops: Operation[], ids: string[]): FuzzRequest[] {
  const request = fc.constantFrom(...ops).chain((op) =>
    fc.record({
      op: fc.constant(op),
      identity: fc.constantFrom(...IDENTITIES),
      params: fc.tuple(...[...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => paramValue(m[1]!, ids))),
      query: queryFor(op, ids),
      body: op.method === 'GET' ? fc.constant({}) : bodyFor(op, ids),
      csrf: fc.constantFrom('right', 'right', 'right', 'wrong', 'none'),
    }),
  );
  return fc.sample(request, { seed: SEED, numRuns: RUNS });
}

describe.each(DIALECTS)('fuzzing the API and the pages on %s', (dialect) => {
  let t: TestApp;
  let ops: Operation[];
  const ids: string[] = [];
  const sessions = new Map<Identity, { cookie: string; csrf: string }>();
  let receipt = '';
  let webDir = '';

  async function signInAll() {
    // A role whose account the fuzz changed (a password, two-factor sign-in) goes on without a session.
    const none = { cookie: '', csrf: '' };
    for (const role of ROLES) sessions.set(role, await t.signIn(role).catch(() => none));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/session', payload: { receipt } });
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    sessions.set(
      'reporter',
      res.statusCode === 200 ? { cookie, csrf: res.json<{ csrfToken: string }>().csrfToken } : { cookie: '', csrf: '' },
    );
  }

  beforeAll(async () => {
    // A built staff workspace of one page, so that /staff answers as it does in production.
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-fuzz-web-'));
    t = await buildTestApp({ dialect, env: { CONFIDE_MAX_FILE_BYTES: '8192', CONFIDE_MAX_FILES: '3' }, webDir });
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Confide staff</title>');
    ops = operationsOf((await t.app.inject({ url: '/api/v1/openapi.json' })).json());
    // Real things for parameters to name: a case, its file and reference, users the fuzz may disable or reset.
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      ...(await multipart(
        reportParts({
          category: 'espionage',
          answers: { what_happened: 'Someone photographs the gate.', danger: 'no' },
          files: [{ filename: 'notes.txt', data: Buffer.from('the gate\n'), type: 'text/plain' }],
        }),
      )),
    });
    receipt = made.json<{ receipt: string }>().receipt;
    const { id, reference } = await submitCase(t);
    const supervisor = await t.signIn('supervisor');
    const cases = await t.app.inject({ url: '/api/v1/cases?order=newest', headers: { cookie: supervisor.cookie } });
    const caseIds = cases.json<{ items: { id: string }[] }>().items.map((c) => c.id);
    const detail = await t.app.inject({
      url: `/api/v1/cases/${caseIds.at(-1)}`,
      headers: { cookie: supervisor.cookie },
    });
    const fileIds = detail.json<{ files?: { id: string }[] }>().files?.map((f) => f.id) ?? [];
    const extra = await Promise.all(
      (['handler', 'custodian'] as const).map((role, i) =>
        addUser(t.deps, { username: `fuzzee${i}`, role, password: PASSWORD, displayName: `Fuzzee ${i}` }),
      ),
    );
    ids.push(
      id,
      reference,
      receipt,
      'espionage',
      'complaint-official',
      ...caseIds,
      ...fileIds,
      ...extra.map((u) => u.user.id),
    );
    await signInAll();
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it(`answers ${RUNS} random requests, none with a 5xx, API errors in the API's shape`, async () => {
    // One example per route and kind of failure, so that a fault shows once however often it was hit.
    const broken = new Map<string, string>();
    const fail = (r: FuzzRequest, kind: string, example: string) => {
      const key = `${r.op.method} ${r.op.path}: ${kind}`;
      if (!broken.has(key)) broken.set(key, example);
    };
    const all = requests(ops, ids);
    const reached = new Set<string>();
    let hangs = 0;
    for (const [n, r] of all.entries()) {
      // Some requests sign out or change accounts: sign everyone in again now and then.
      if (n > 0 && n % 250 === 0) await signInAll();
      let i = 0;
      const url = r.op.path.replace(/\{[^}]+\}/g, () => r.params[i++]!) + r.query;
      const session = r.identity === 'anonymous' ? undefined : sessions.get(r.identity);
      const body = await r.body;
      const headers: Record<string, string> = {};
      if (session?.cookie) headers.cookie = session.cookie;
      if (session && r.csrf !== 'none') headers['x-csrf-token'] = r.csrf === 'right' ? session.csrf : 'forged';
      if (body.contentType) headers['content-type'] = body.contentType;
      const what = `${r.op.method} ${url.slice(0, 120)} as ${r.identity} (${body.contentType ?? 'no body'}, request ${n})`;
      const res = await Promise.race([
        t.app.inject({
          method: r.op.method as 'GET',
          url,
          headers,
          ...(body.payload !== undefined ? { payload: body.payload } : {}),
        }),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), ANSWER_WITHIN_MS).unref()),
      ]);
      if (res && res.statusCode < 400) reached.add(`${r.op.method} ${r.op.path}`);
      if (res === null) {
        fail(r, 'no answer', `${what}: no answer within ${ANSWER_WITHIN_MS} ms`);
        if (++hangs >= MAX_HANGS) break;
      } else if (res.statusCode >= 500) fail(r, String(res.statusCode), `${what}: ${res.body.slice(0, 300)}`);
      else if (res.statusCode >= 400 && url.startsWith('/api/') && !apiShaped(res.body))
        fail(r, 'not API-shaped', `${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(Object.fromEntries(broken)).toEqual({});
    // The run reached the routes: nearly every operation was called, and a third of them answered a request well.
    expect(new Set(all.map((r) => `${r.op.method} ${r.op.path}`)).size).toBeGreaterThan(ops.length * 0.9);
    expect(reached.size).toBeGreaterThan(ops.length / 3);
    // Room for the run (seconds here) and for a few requests left hanging to be waited for and reported.
  }, 120_000);
});

function apiShaped(body: string): boolean {
  try {
    const e = (JSON.parse(body) as { error?: { id?: unknown; message?: unknown } }).error;
    return typeof e?.id === 'string' && typeof e.message === 'string';
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}
