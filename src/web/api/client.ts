/**
 * Typed fetch wrapper for the JSON API under `/api/v1`: same-origin cookies, JSON bodies, the CSRF token on
 * every non-GET request, responses checked against the shared zod schemas, and every failure turned into one
 * `ApiError`. A 401 on any request (unless the caller opts out) clears the token and calls `onUnauthorized` with
 * the error (which says why the session ended), which sends the user back to the sign-in screen.
 */
import type { z } from 'zod';
import { messageTranslator } from '../../i18n/messages.ts';
import { i18n } from '../i18n/instance.ts';
import { ErrorBody } from '../../shared/api.ts';

export const API_BASE = '/api/v1';

/**
 * A message the server wrote in English, in the workspace's language, through the `server` catalogue
 * (src/i18n/messages.ts); one it does not hold is shown as written.
 */
export function serverMessage(message: string): string {
  const language = i18n.language;
  if (!language || language === 'en') return message;
  let translate = translators.get(language);
  if (!translate) {
    const english = i18n.getResourceBundle('en', 'server') as Record<string, string>;
    translate = messageTranslator(english, i18n.getFixedT(language, 'server'), '');
    translators.set(language, translate);
  }
  return translate(message);
}
const translators = new Map<string, (message: string) => string>();

export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached or answered with something unreadable. */
  readonly status: number;
  /** Stable error id from the body (`conflict`, `invalid_transition`, …), or `network` / `invalid_response`. */
  readonly id: string;
  readonly details: Record<string, string> | undefined;

  constructor(status: number, id: string, message: string, details?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.id = id;
    this.details = details;
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** JSON-serialised as the request body; a FormData is sent as multipart/form-data (files). */
  body?: unknown;
  signal?: AbortSignal;
  /** false: a 401 is only thrown, not treated as "signed out" (used by the session endpoints). */
  redirectOnUnauthorized?: boolean;
}

export interface ApiClient {
  /** Sends a request and returns the body parsed by `schema`. @throws ApiError */
  request<S extends z.ZodType>(method: Method, path: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
  /** Sends a request whose success is a file (a PDF): its bytes. @throws ApiError */
  requestBlob(method: Method, path: string, options?: RequestOptions): Promise<Blob>;
  /** Sends a request whose success has no body (204). @throws ApiError */
  requestNoContent(method: Method, path: string, options?: RequestOptions): Promise<void>;
  setCsrfToken(token: string | null): void;
  /** The full address of an API path, for links the browser follows itself (downloads). */
  url(path: string): string;
}

export interface ApiClientOptions {
  /** A request found no session: `error` says why (idle, the cap, or signed out elsewhere). */
  onUnauthorized: (error: ApiError) => void;
  fetch?: typeof fetch;
  baseUrl?: string;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Whether a 401 says the session ran out (idle, or at its cap): its message then says which and what to do. */
export const isSessionEnd = (error: ApiError): boolean => error.id === 'session_idle' || error.id === 'session_cap';

export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const baseUrl = options.baseUrl ?? API_BASE;
  let csrfToken: string | null = null;

  async function send(method: Method, path: string, { body, signal, redirectOnUnauthorized = true }: RequestOptions) {
    const headers: Record<string, string> = { Accept: 'application/json' };
    // The browser sets the multipart boundary itself.
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
    let response: Response;
    try {
      response = await fetchImpl(baseUrl + path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: form ? body : JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (isAbortError(error)) throw error;
      throw new ApiError(0, 'network', i18n.t('apiClient.network'));
    }
    if (!response.ok) {
      const error = await errorFrom(response);
      if (response.status === 401 && redirectOnUnauthorized) {
        csrfToken = null;
        options.onUnauthorized(error);
      }
      throw error;
    }
    return response;
  }

  return {
    async request(method, path, schema, requestOptions = {}) {
      const response = await send(method, path, requestOptions);
      const json: unknown = await response.json().catch(() => undefined);
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw new ApiError(response.status, 'invalid_response', i18n.t('apiClient.unreadable'));
      }
      return parsed.data;
    },
    async requestBlob(method, path, requestOptions = {}) {
      return (await send(method, path, requestOptions)).blob();
    },
    async requestNoContent(method, path, requestOptions = {}) {
      await send(method, path, requestOptions);
    },
    setCsrfToken(token) {
      csrfToken = token;
    },
    url(path) {
      return baseUrl + path;
    },
  };
}

async function errorFrom(response: Response): Promise<ApiError> {
  const json: unknown = await response.json().catch(() => undefined);
  const parsed = ErrorBody.safeParse(json);
  if (parsed.success) {
    const { id, message, details } = parsed.data.error;
    const translated = details && Object.fromEntries(Object.entries(details).map(([k, v]) => [k, serverMessage(v)]));
    return new ApiError(response.status, id, serverMessage(message), translated);
  }
  return new ApiError(
    response.status,
    `http_${response.status}`,
    i18n.t('apiClient.refused', { status: response.status }),
  );
}
