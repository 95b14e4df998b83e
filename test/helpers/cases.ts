/** Shortcuts for integration tests of case handling: submit through the API, act as a signed-in staff member. */
import type { TestApp } from './app.ts';
import { multipart, reportParts } from './multipart.ts';

export const ESPIONAGE = { what_happened: 'Someone photographs the gate.', danger: 'no' };

/**
 * Submits a report. @returns the receipt and the case id as `finder` (default: the supervisor; an oversight
 * officer for a complaint about an official) sees it (newest case)
 */
export async function submitCase(
  t: TestApp,
  input: { category?: string; answers?: Record<string, unknown>; finder?: string } = {},
): Promise<{ receipt: string; id: string; reference: string }> {
  const body = await multipart(
    reportParts({ category: input.category ?? 'espionage', answers: input.answers ?? ESPIONAGE }),
  );
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body });
  if (res.statusCode !== 201) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
  const sup = await t.signIn(input.finder ?? 'supervisor');
  const list = await t.app.inject({
    method: 'GET',
    url: '/api/v1/cases?order=newest&limit=1',
    headers: { cookie: sup.cookie },
  });
  const item = (list.json() as { items: { id: string; reference: string }[] }).items[0]!;
  return { receipt: (res.json() as { receipt: string }).receipt, id: item.id, reference: item.reference };
}

type Response = Awaited<ReturnType<TestApp['app']['inject']>>;

/** Signs a reporter in through the API with `receipt`. @returns the cookie header value and the CSRF token */
export async function reporterSession(t: TestApp, receipt: string): Promise<{ cookie: string; csrf: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/session', payload: { receipt } });
  if (res.statusCode !== 200) throw new Error(`reporter sign-in failed: ${res.statusCode} ${res.body}`);
  return {
    cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    csrf: (res.json() as { csrfToken: string }).csrfToken,
  };
}

export interface Actor {
  get(url: string): Promise<Response>;
  send(method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<Response>;
}

/** A signed-in staff member who sends JSON with the CSRF token. */
export async function actor(t: TestApp, username: string): Promise<Actor> {
  const s = await t.signIn(username);
  return {
    get: (url) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } }),
    send: (method, url, payload) =>
      t.app.inject({
        method,
        url,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      }),
  };
}

export const errorId = (res: { json(): unknown }) => (res.json() as { error: { id: string } }).error.id;
export const errorMessage = (res: { json(): unknown }) => (res.json() as { error: { message: string } }).error.message;
