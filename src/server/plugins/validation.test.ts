import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasPathParams, registerParamsCheck, streamedBody } from './validation.ts';

function app() {
  const a = Fastify();
  a.setValidatorCompiler(validatorCompiler);
  a.setSerializerCompiler(serializerCompiler);
  registerParamsCheck(a);
  return a;
}

describe('every route validates its parameters', () => {
  it('knows a path with parameters', () => {
    expect(
      ['/cases/:id', '/cases/:id/files/:fileId', '/staff/*', '/cases', '/statistics.csv'].map(hasPathParams),
    ).toEqual([true, true, true, false, false]);
  });

  it('refuses to start with a route that has path parameters but no params schema', () => {
    expect(() => app().get('/cases/:id', async () => ({}))).toThrow(
      'Route GET /cases/:id has path parameters but no schema.params to validate them: refusing to start.',
    );
  });

  it('refuses to start with a route that switches validation off', () => {
    expect(() =>
      app().post(
        '/cases/:id/actions',
        { validatorCompiler: () => () => true, schema: { params: z.object({ id: z.string().uuid() }) } },
        async () => ({}),
      ),
    ).toThrow(
      'Route POST /cases/:id/actions replaces the validator compiler: refusing to start (use streamedBody for a multipart body).',
    );
  });

  it('validates the params of a route with a streamed body, and leaves its body alone', async () => {
    const a = app();
    a.post(
      '/cases/:id/actions',
      {
        validatorCompiler: streamedBody,
        schema: { params: z.object({ id: z.string().uuid() }), body: z.object({ action: z.string() }) },
      },
      async (request) => ({ id: (request.params as { id: string }).id }),
    );
    const bad = await a.inject({ method: 'POST', url: '/cases/not-a-uuid/actions' });
    expect([bad.statusCode, bad.json<{ code: string }>().code]).toEqual([400, 'FST_ERR_VALIDATION']);
    const id = '00000000-0000-4000-8000-000000000000';
    const good = await a.inject({
      method: 'POST',
      url: `/cases/${id}/actions`,
      payload: { not: 'the documented body' },
    });
    expect([good.statusCode, good.json()]).toEqual([200, { id }]);
  });
});
