/**
 * Turns errors into responses: a DomainError keeps its id and message; a validation error names the fields; an
 * upload cut off by the client is a 400 logged at info; a storage fault (src/store/faults.ts) is a 503
 * `storage_unavailable`, logged with the original error; anything else is a 500 that shows no internals (it is logged
 * with its stack, without request data).
 */
import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, errors, type ErrorKind } from '../../domain/errors.ts';
import { storageFaultCode } from '../../store/faults.ts';

export const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  too_many: 429,
  unavailable: 503,
  damaged: 500,
};

export interface ErrorView {
  status: number;
  id: string;
  message: string;
  details?: Record<string, string>;
}

/**
 * Whether the request body ended before it was whole: the client disconnected mid-upload (Node's `aborted`,
 * ECONNRESET) or the body stopped short of its closing multipart boundary (busboy). Not a fault of the server:
 * logged at info without a stack, answered 400 when anyone is still there to read it.
 */
export function isAbortedUpload(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e.message !== 'string') return false;
  if (e.code === 'ECONNRESET' && e.message === 'aborted') return true;
  return /^(Unexpected end of (form|multipart data)|Part terminated early due to unexpected end of multipart data)$/.test(
    e.message,
  );
}

/** What a person is told when the database or the file store takes no writes (disk full, read-only, I/O error). */
export const storageUnavailable = () =>
  errors.unavailable(
    'storage_unavailable',
    'The server cannot store anything at the moment. Nothing you sent was stored: please try again later, or use another of the ways to report listed on the start page.',
  );

/**
 * The DomainError a person is shown for `error`: the error itself, `storage_unavailable` for a storage fault (logged
 * here at error level with the original error, which says what to fix), or null for anything else (a fault: 500).
 */
export function knownError(error: unknown, log: FastifyBaseLogger): DomainError | null {
  if (error instanceof DomainError) return error;
  const code = storageFaultCode(error);
  if (code === null) return null;
  log.error(
    { err: error, code },
    'storage unavailable: the database or the file store cannot be reached or takes no writes',
  );
  return storageUnavailable();
}

/** What a person may be told about an error. */
export function viewOf(error: unknown, maxFileBytes: number): ErrorView {
  if (error instanceof DomainError)
    return {
      status: STATUS[error.kind],
      id: error.id,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details: Record<string, string> = {};
    for (const issue of error.validation)
      details[issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body'] = issue.message ?? 'invalid';
    return { status: 400, id: 'invalid_request', message: 'The request is not valid.', details };
  }
  if (isAbortedUpload(error))
    return {
      status: 400,
      id: 'upload_incomplete',
      message:
        'The upload stopped before all of it arrived (the connection was interrupted). Nothing was stored; please send it again.',
    };
  const e = error as FastifyError;
  const code = e?.code ?? '';
  if (
    code === 'FST_REQ_FILE_TOO_LARGE' ||
    code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
    code === 'FST_PARTS_LIMIT' ||
    code === 'FST_FILES_LIMIT' ||
    code === 'FST_FIELDS_LIMIT'
  )
    return {
      status: 413,
      id: 'too_large',
      message: `The request is larger than allowed (files up to ${Math.round(maxFileBytes / 1048576)} MiB each; text fields up to 1 MiB).`,
    };
  if (code === 'FST_ERR_MAX_PARAM_LENGTH')
    return { status: 414, id: 'uri_too_long', message: 'The address is longer than allowed. Please check it.' };
  if (code === 'FST_ERR_BAD_URL')
    return { status: 400, id: 'bad_url', message: 'The address is not valid. Please check it.' };
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return { status: 415, id: 'unsupported_media_type', message: 'This kind of request body is not accepted here.' };
  if (
    code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    (e instanceof SyntaxError && e.message.includes('JSON'))
  )
    return { status: 400, id: 'malformed_json', message: 'The request body is not valid JSON.' };
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500)
    return {
      status: e.statusCode,
      id: 'bad_request',
      message: e.statusCode === 404 ? 'Not found.' : 'The request could not be understood (malformed body or headers).',
    };
  return {
    status: 500,
    id: 'internal',
    message: 'Something went wrong on our side. Nothing you sent was stored; please try again.',
  };
}

/** Answers an error: JSON in the API's shape under /api, the public site's error page elsewhere. */
export type ErrorResponder = (error: unknown, request: FastifyRequest, reply: FastifyReply) => unknown;

export function errorResponder(
  maxFileBytes: number,
  renderHtml: (req: FastifyRequest, reply: FastifyReply, view: ErrorView) => unknown,
): ErrorResponder {
  return (error, request, reply) => {
    const view = viewOf(knownError(error, request.log) ?? error, maxFileBytes);
    // A DomainError is an expected refusal (503 not_accepting among them); only the unexpected is an error. A client
    // that went away mid-upload is not one: the partial files are removed by the intake (FileIntake.discard).
    if (view.id === 'upload_incomplete') request.log.info('upload aborted by the client');
    else if (error instanceof DomainError && error.kind === 'damaged')
      request.log.error({ ...error.log, err: error.cause }, `stored data failed its integrity check (${error.id})`);
    else if (view.status >= 500 && !(error instanceof DomainError) && view.id !== 'storage_unavailable')
      request.log.error({ err: error }, 'request failed');
    if (request.url.startsWith('/api/') || request.url.startsWith('/staff/api')) {
      return reply
        .status(view.status)
        .type('application/json')
        .send({ error: { id: view.id, message: view.message, ...(view.details ? { details: view.details } : {}) } });
    }
    return renderHtml(request, reply.status(view.status), view);
  };
}
