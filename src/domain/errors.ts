/**
 * Every error a use case may raise on purpose, with a stable id. The HTTP layer maps `kind` to a status; the
 * message is written for the person who sees it and never carries internals.
 */
export type ErrorKind =
  | 'invalid' // 400
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'too_large' // 413
  | 'unprocessable' // 422
  | 'too_many' // 429
  | 'unavailable' // 503
  | 'damaged'; // 500: stored data that fails its integrity check (logged with its cause)

export class DomainError extends Error {
  override name = 'DomainError';
  /** For the server log only, never for the person: what was affected and why (with `cause`). */
  readonly log: Record<string, unknown> | undefined;
  constructor(
    readonly kind: ErrorKind,
    readonly id: string,
    message: string,
    readonly details?: Record<string, string>,
    options?: { cause?: unknown; log?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.log = options?.log;
  }
}

export const errors = {
  notFound: (what = 'That was not found.') => new DomainError('not_found', 'not_found', what),
  invalid: (id: string, message: string, details?: Record<string, string>) =>
    new DomainError('invalid', id, message, details),
  validation: (details: Record<string, string>) =>
    new DomainError('unprocessable', 'validation_failed', 'Some answers need another look.', details),
  unauthorized: (message = 'Please sign in.') => new DomainError('unauthorized', 'unauthorized', message),
  forbidden: (message = 'You may not do that.') => new DomainError('forbidden', 'forbidden', message),
  conflict: (id: string, message: string) => new DomainError('conflict', id, message),
  tooLarge: (message: string) => new DomainError('too_large', 'too_large', message),
  tooMany: (message = 'Too many attempts. Please wait a minute and try again.') =>
    new DomainError('too_many', 'too_many_attempts', message),
  unavailable: (id: string, message: string) => new DomainError('unavailable', id, message),
};
