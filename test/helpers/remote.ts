/**
 * A running server process (test/helpers/server.ts) seen through the same `inject`-style calls as a test app, so the
 * helpers in cases.ts work against real HTTP on loopback: status, body, JSON, cookies and the raw bytes.
 */
import { PASSWORD, type TestApp } from './app.ts';

export interface RemoteResponse {
  statusCode: number;
  body: string;
  rawPayload: Buffer;
  headers: Record<string, string>;
  cookies: { name: string; value: string }[];
  json(): unknown;
}

export interface RemoteApp {
  app: {
    inject(request: {
      method: string;
      url: string;
      payload?: unknown;
      headers?: Record<string, string>;
    }): Promise<RemoteResponse>;
  };
  signIn: TestApp['signIn'];
}

export function remoteApp(port: number): RemoteApp {
  const inject: RemoteApp['app']['inject'] = async ({ method, url, payload, headers = {} }) => {
    const isBytes = Buffer.isBuffer(payload);
    const res = await fetch(`http://127.0.0.1:${port}${url}`, {
      method,
      headers: {
        ...(payload !== undefined && !isBytes ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(payload === undefined ? {} : { body: isBytes ? new Uint8Array(payload as Buffer) : JSON.stringify(payload) }),
      redirect: 'manual',
    });
    const rawPayload = Buffer.from(await res.arrayBuffer());
    const body = rawPayload.toString('utf8');
    return {
      statusCode: res.status,
      body,
      rawPayload,
      headers: Object.fromEntries(res.headers),
      cookies: res.headers.getSetCookie().map((c) => {
        const [pair = ''] = c.split(';');
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1) };
      }),
      json: () => JSON.parse(body),
    };
  };
  return {
    app: { inject },
    async signIn(username) {
      const res = await inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return { cookie, csrf: (res.json() as { csrfToken: string }).csrfToken };
    },
  };
}
