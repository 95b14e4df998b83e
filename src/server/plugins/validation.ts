/**
 * Every route validates its parameters before its handler runs: the app refuses to start with a route that has path
 * parameters (`:name` or `*`) but no `schema.params`, or that replaces the validator compiler with anything but
 * `streamedBody`. A bad parameter is then a 400 `invalid_request` naming it, never an error inside a handler.
 */
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema.js';
import { validatorCompiler } from 'fastify-type-provider-zod';

/**
 * The validator compiler of a route whose body is a multipart stream that the handler reads part by part: params,
 * query and headers are validated by their schemas as on any route; the body schema only documents the parts for
 * OpenAPI, since nothing of the body has arrived when validation runs.
 */
export function streamedBody<S>(route: FastifyRouteSchemaDef<S>): FastifyValidationResult {
  if (route.httpPart === 'body') return () => true;
  return validatorCompiler(route as Parameters<typeof validatorCompiler>[0]);
}

/** Whether a route path holds a parameter (`/cases/:id`, `/staff/*`). */
export function hasPathParams(url: string): boolean {
  return /(^|\/):|\*/.test(url);
}

export function registerParamsCheck(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const where = `Route ${String(route.method)} ${route.url}`;
    const compiler = route.validatorCompiler as FastifySchemaCompiler<unknown> | undefined;
    if (compiler !== undefined && compiler !== streamedBody)
      throw new Error(
        `${where} replaces the validator compiler: refusing to start (use streamedBody for a multipart body).`,
      );
    if (hasPathParams(route.url) && !route.schema?.params)
      throw new Error(`${where} has path parameters but no schema.params to validate them: refusing to start.`);
  });
}
