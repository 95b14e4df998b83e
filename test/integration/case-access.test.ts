/**
 * Deny by default, record by record: for every route of a case, a handler without a grant, an administrator, an
 * intake operator, a custodian and an oversight officer get 404 — the case's existence is not revealed. The list
 * of routes is checked against the OpenAPI document, so a new case route cannot be left out of this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actor, submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';

const OUTSIDERS = ['handler', 'administrator', 'operator', 'custodian', 'oversight'] as const;
const FILE = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

/** Every route of one case, with a body that would succeed for someone holding the case. */
function caseRoutes(
  id: string,
  userId: string,
): { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; url: string; payload?: unknown }[] {
  return [
    { method: 'GET', path: '/api/v1/cases/{id}', url: `/api/v1/cases/${id}` },
    { method: 'GET', path: '/api/v1/cases/{id}/files/{fileId}', url: `/api/v1/cases/${id}/files/${FILE}` },
    {
      method: 'POST',
      path: '/api/v1/cases/{id}/messages',
      url: `/api/v1/cases/${id}/messages`,
      payload: { body: 'x', visibility: 'internal' },
    },
    {
      method: 'POST',
      path: '/api/v1/cases/{id}/status',
      url: `/api/v1/cases/${id}/status`,
      payload: { status: 'acknowledged' },
    },
    { method: 'GET', path: '/api/v1/cases/{id}/access', url: `/api/v1/cases/${id}/access` },
    { method: 'POST', path: '/api/v1/cases/{id}/grants', url: `/api/v1/cases/${id}/grants`, payload: { userId } },
    { method: 'DELETE', path: '/api/v1/cases/{id}/grants/{userId}', url: `/api/v1/cases/${id}/grants/${userId}` },
    {
      method: 'POST',
      path: '/api/v1/cases/{id}/exclusions',
      url: `/api/v1/cases/${id}/exclusions`,
      payload: { userId, reason: 'other' },
    },
    {
      method: 'DELETE',
      path: '/api/v1/cases/{id}/exclusions/{userId}',
      url: `/api/v1/cases/${id}/exclusions/${userId}`,
    },
    {
      method: 'POST',
      path: '/api/v1/cases/{id}/urgent',
      url: `/api/v1/cases/${id}/urgent`,
      payload: { urgent: true, reason: 'x' },
    },
    { method: 'POST', path: '/api/v1/cases/{id}/risk', url: `/api/v1/cases/${id}/risk`, payload: { level: 'low' } },
    {
      method: 'POST',
      path: '/api/v1/cases/{id}/links',
      url: `/api/v1/cases/${id}/links`,
      payload: { reference: 'R-00000000', kind: 'related' },
    },
    { method: 'DELETE', path: '/api/v1/cases/{id}/links/{otherId}', url: `/api/v1/cases/${id}/links/${OTHER}` },
    { method: 'PUT', path: '/api/v1/cases/{id}/labels', url: `/api/v1/cases/${id}/labels`, payload: { labels: ['x'] } },
    { method: 'GET', path: '/api/v1/cases/{id}/requests', url: `/api/v1/cases/${id}/requests` },
    { method: 'GET', path: '/api/v1/cases/{id}/identity', url: `/api/v1/cases/${id}/identity` },
    { method: 'GET', path: '/api/v1/cases/{id}/protection', url: `/api/v1/cases/${id}/protection` },
    { method: 'GET', path: '/api/v1/cases/{id}/retention', url: `/api/v1/cases/${id}/retention` },
    {
      method: 'POST',
      path: '/api/v1/cases/{id}/legal-hold',
      url: `/api/v1/cases/${id}/legal-hold`,
      payload: { reason: 'x' },
    },
    {
      method: 'DELETE',
      path: '/api/v1/cases/{id}/legal-hold',
      url: `/api/v1/cases/${id}/legal-hold`,
      payload: { reason: 'x' },
    },
    { method: 'DELETE', path: '/api/v1/cases/{id}', url: `/api/v1/cases/${id}?requestId=${OTHER}` },
    {
      method: 'POST',
      path: '/api/v1/cases/{id}/protection/{requestId}/response',
      url: `/api/v1/cases/${id}/protection/${OTHER}/response`,
      payload: { outcome: 'not_needed' },
    },
    { method: 'GET', path: '/api/v1/cases/{id}/actions', url: `/api/v1/cases/${id}/actions` },
    {
      method: 'POST',
      path: '/api/v1/cases/{id}/actions',
      url: `/api/v1/cases/${id}/actions`,
      payload: { action: '{}' },
    },
    { method: 'GET', path: '/api/v1/cases/{id}/actions/officers', url: `/api/v1/cases/${id}/actions/officers` },
    { method: 'GET', path: '/api/v1/cases/{id}/transcripts', url: `/api/v1/cases/${id}/transcripts` },
    {
      method: 'POST',
      path: '/api/v1/cases/{id}/transcripts',
      url: `/api/v1/cases/${id}/transcripts`,
      payload: { minutes: '{}' },
    },
    {
      method: 'POST',
      path: '/api/v1/cases/{id}/replies',
      url: `/api/v1/cases/${id}/replies`,
      payload: { body: 'Is this the gate you mean?', kind: 'reporter' },
    },
    { method: 'GET', path: '/api/v1/cases/{id}/approvals', url: `/api/v1/cases/${id}/approvals` },
    {
      method: 'GET',
      path: '/api/v1/cases/{id}/files/{fileId}/original',
      url: `/api/v1/cases/${id}/files/${FILE}/original?requestId=${OTHER}`,
    },
    { method: 'GET', path: '/api/v1/cases/{id}/export', url: `/api/v1/cases/${id}/export?requestId=${OTHER}` },
  ];
}

describe.each(DIALECTS)('access to case routes on %s', (dialect) => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    caseId = (await submitCase(t)).id;
  });
  afterAll(async () => t?.close());

  it('covers every case route of the API', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/cases/{id}'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(
      caseRoutes('x', 'y')
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    );
  });

  it.each(OUTSIDERS)('answers 404 to %s on every route of a case they do not hold', async (role) => {
    const who = await actor(t, role);
    for (const route of caseRoutes(caseId, t.users.handler.id)) {
      const res =
        route.method === 'GET' ? await who.get(route.url) : await who.send(route.method, route.url, route.payload);
      expect([role, route.method, route.path, res.statusCode]).toEqual([role, route.method, route.path, 404]);
    }
  });

  it('shows the case list and search only to case roles, and then only granted cases', async () => {
    for (const role of ['administrator', 'operator', 'custodian'] as const) {
      const who = await actor(t, role);
      expect([role, (await who.get('/api/v1/cases')).statusCode]).toEqual([role, 404]);
      expect([role, (await who.get('/api/v1/cases/search?q=gate')).statusCode]).toEqual([role, 404]);
    }
    for (const role of ['handler', 'oversight'] as const) {
      const who = await actor(t, role);
      expect((await who.get('/api/v1/cases')).json()).toEqual({ items: [], nextCursor: null });
      expect((await who.get('/api/v1/cases/search?q=gate')).json()).toMatchObject({ items: [] });
    }
  });

  it('lets a supervisor holding the case through the same routes', async () => {
    const sup = await actor(t, 'supervisor');
    expect((await sup.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    expect((await sup.get(`/api/v1/cases/${caseId}/access`)).statusCode).toBe(200);
    expect((await sup.send('PUT', `/api/v1/cases/${caseId}/labels`, { labels: ['x'] })).statusCode).toBe(200);
  });
});
