/**
 * For the endpoint tests: an API client whose fetch answers with canned responses in turn and records what it was
 * asked, so that a test can check paths, bodies and CSRF headers without a server.
 */
import { vi } from 'vitest';
import { createApiClient, type ApiClient } from './client.ts';

/** One request the fake fetch was sent. */
export interface SentRequest {
  method: string;
  url: string;
  /** The JSON body, parsed; undefined when there was none. */
  body: unknown;
  /** The X-CSRF-Token header, if any. */
  csrf: string | undefined;
}

/** A response with this status and `body` as JSON. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/**
 * An API built by `createApi` on a client that holds the CSRF token `token-1` and whose fetch answers with
 * `responses` in turn (and throws when they run out).
 * @returns the API and the requests sent so far, in order
 */
export function apiAnswering<Api>(
  createApi: (client: ApiClient) => Api,
  ...responses: Response[]
): { api: Api; calls: SentRequest[] } {
  const calls: SentRequest[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({
      method: init?.method ?? 'GET',
      url: String(url),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      csrf: headers['X-CSRF-Token'],
    });
    const response = responses.shift();
    if (!response) throw new Error('no more responses');
    return response;
  });
  const client = createApiClient({ onUnauthorized: () => {}, fetch: fetch as unknown as typeof globalThis.fetch });
  client.setCsrfToken('token-1');
  return { api: createApi(client), calls };
}
