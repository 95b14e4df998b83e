/**
 * Refuses text holding the NUL character (U+0000) anywhere in a request's parsed body, query or path parameters.
 * PostgreSQL cannot store it in a text column ("invalid byte sequence for encoding UTF8: 0x00") and no form a
 * person fills in needs it, so it is a clear 400 on both databases rather than a 500 on one. Multipart bodies are
 * still a stream at this point and are not looked at: their text goes only into sealed columns, which hold any byte.
 */
import type { FastifyInstance } from 'fastify';
import { errors } from '../../domain/errors.ts';

/** Whether `value` (a parsed body, query or params: strings, arrays and plain objects) holds U+0000. */
export function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((v) => holdsNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || holdsNul(v, depth + 1));
}

export function registerNulCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (holdsNul(request.params) || holdsNul(request.query) || holdsNul(request.body))
      throw errors.invalid(
        'nul_character',
        'The request contains a NUL character (U+0000), which no field accepts. Remove it and try again.',
      );
  });
}
