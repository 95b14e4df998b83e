import { describe, expect, it, vi } from 'vitest';
import { SessionResponse } from '../../shared/api.ts';
import { ApiError, createApiClient, serverMessage } from './client.ts';
import { json } from './fake-fetch.ts';
import { createStaffApi, toQueryString } from './staff.ts';

const session = {
  user: { id: 'u1', username: 'sam', role: 'handler', displayName: 'Sam Handler' },
  csrfToken: 'token-1',
  totp: { enabled: false, pending: false, required: false },
  language: null,
};

function fakeFetch(...responses: Response[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const response = responses.shift();
    if (!response) throw new Error('no more responses');
    return response;
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

describe('api client', () => {
  it('sends the CSRF token from the session on non-GET requests only', async () => {
    const { fetch, calls } = fakeFetch(
      json(200, session),
      json(200, { items: [], nextCursor: null }),
      new Response(null, { status: 204 }),
    );
    const api = createStaffApi(createApiClient({ onUnauthorized: () => {}, fetch }));
    await api.getSession();
    await api.listCases({ status: 'received', cursor: undefined });
    await api.signOut();

    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual([
      'GET /api/v1/session',
      'GET /api/v1/cases?status=received',
      'DELETE /api/v1/session',
    ]);
    expect(calls.every((c) => c.init.credentials === 'same-origin')).toBe(true);
    const headers = calls.map((c) => c.init.headers as Record<string, string>);
    expect(headers[1]?.['X-CSRF-Token']).toBeUndefined();
    expect(headers[2]?.['X-CSRF-Token']).toBe('token-1');
  });

  it('turns an error body into an ApiError', async () => {
    const { fetch } = fakeFetch(
      json(409, {
        error: {
          id: 'invalid_transition',
          message: 'A closed case cannot be reopened.',
          details: { status: 'closed' },
        },
      }),
    );
    const client = createApiClient({ onUnauthorized: () => {}, fetch });
    const error = await client
      .request('POST', '/cases/c1/status', SessionResponse, { body: { status: 'received' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      id: 'invalid_transition',
      message: 'A closed case cannot be reopened.',
      details: { status: 'closed' },
    });
  });

  it('reports a 401 as signed out, except on the session endpoints', async () => {
    const onUnauthorized = vi.fn();
    const unauthorized = () => json(401, { error: { id: 'unauthorized', message: 'Sign in first.' } });
    const { fetch } = fakeFetch(unauthorized(), unauthorized(), unauthorized());
    const api = createStaffApi(createApiClient({ onUnauthorized, fetch }));

    expect(await api.getSession()).toBeNull();
    await expect(api.signIn('sam', 'wrong')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(api.getCase('c1')).rejects.toMatchObject({ status: 401, id: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('refuses a response that does not match the schema', async () => {
    const { fetch } = fakeFetch(json(200, { items: 'nope' }));
    const api = createStaffApi(createApiClient({ onUnauthorized: () => {}, fetch }));
    await expect(api.listCases({})).rejects.toMatchObject({ id: 'invalid_response' });
  });
});

describe('toQueryString', () => {
  it('keeps only defined, non-empty values', () => {
    expect(toQueryString({ status: 'closed', category: '', channel: undefined, limit: 50 })).toBe(
      '?status=closed&limit=50',
    );
    expect(toQueryString({})).toBe('');
  });
});

describe('server messages in the workspace language', () => {
  it('shows an error the server wrote in English in Chinese, its varying parts kept, and leaves unknown ones', async () => {
    const { i18n } = await import('../i18n/instance.ts');
    await i18n.changeLanguage('zh-CN');
    try {
      const { fetch } = fakeFetch(
        json(409, {
          error: {
            id: 'username_taken',
            message: 'The username "bob" is taken.',
            details: { username: 'Wrong username or password.' },
          },
        }),
        json(400, { error: { id: 'x', message: 'A message no catalogue holds.' } }),
      );
      const client = createApiClient({ onUnauthorized: () => {}, fetch });
      const refused = await client.requestNoContent('POST', '/users').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ApiError);
      expect((refused as ApiError).message).toBe('用户名“bob”已被占用。');
      expect((refused as ApiError).details).toEqual({ username: '用户名或密码错误。' });
      const unknown = await client.requestNoContent('POST', '/users').catch((e: unknown) => e);
      expect((unknown as ApiError).message).toBe('A message no catalogue holds.');
      // A case's history, written by the server: the more specific entry wins.
      expect(serverMessage("Granted to Test handler (outside the category's staff, approved)")).toBe(
        '授权给Test handler（该类别工作人员以外，已批准）',
      );
      expect(serverMessage('Granted to Test handler')).toBe('授权给Test handler');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
