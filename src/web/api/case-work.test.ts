import { describe, expect, it } from 'vitest';
import { apiAnswering, json } from './fake-fetch.ts';
import { createStaffApi } from './staff.ts';

const access = { grants: [], exclusions: [] };
const links = { links: [{ id: 'c2', reference: 'K7-22', kind: 'duplicate', thisIsFirst: false }] };

describe('case work endpoints', () => {
  it('call the documented paths with the documented bodies', async () => {
    const { api, calls } = apiAnswering(
      createStaffApi,
      json(200, { items: [], searched: 12, complete: false }),
      json(200, { staff: [] }),
      json(200, access),
      json(201, access),
      json(200, access),
      json(201, access),
      json(200, access),
      json(200, { urgent: true, dueAt: null }),
      json(200, { riskLevel: 'high' }),
      json(201, links),
      json(200, { links: [] }),
      json(200, { labels: ['fraud'] }),
    );
    const user = '8b0c7a4e-9a53-4a43-9d62-2f1f3c1a7b10';
    await api.searchCases('gate & fence');
    await api.listStaff('handler');
    await api.getAccess('c/1');
    await api.grant('c1', user);
    await api.revoke('c1', user);
    await api.exclude('c1', { userId: user, reason: 'named_in_report', note: 'Named as the buyer' });
    await api.removeExclusion('c1', user);
    await api.setUrgent('c1', { urgent: true, reason: 'Threat to life' });
    await api.recordRisk('c1', { level: 'high' });
    expect(await api.addLink('c1', { reference: 'K7-22', kind: 'duplicate' })).toEqual(links);
    await api.removeLink('c1', 'c2');
    await api.setLabels('c1', ['fraud']);

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/cases/search?q=gate+%26+fence',
      'GET /api/v1/staff?role=handler',
      'GET /api/v1/cases/c%2F1/access',
      'POST /api/v1/cases/c1/grants',
      `DELETE /api/v1/cases/c1/grants/${user}`,
      'POST /api/v1/cases/c1/exclusions',
      `DELETE /api/v1/cases/c1/exclusions/${user}`,
      'POST /api/v1/cases/c1/urgent',
      'POST /api/v1/cases/c1/risk',
      'POST /api/v1/cases/c1/links',
      'DELETE /api/v1/cases/c1/links/c2',
      'PUT /api/v1/cases/c1/labels',
    ]);
    expect(calls.map((c) => c.body)).toEqual([
      undefined,
      undefined,
      undefined,
      { userId: user },
      undefined,
      { userId: user, reason: 'named_in_report', note: 'Named as the buyer' },
      undefined,
      { urgent: true, reason: 'Threat to life' },
      { level: 'high' },
      { reference: 'K7-22', kind: 'duplicate' },
      undefined,
      { labels: ['fraud'] },
    ]);
    expect(calls.map((c) => c.csrf)).toEqual([
      undefined,
      undefined,
      undefined,
      ...Array.from({ length: 9 }, () => 'token-1'),
    ]);
  });

  it('passes on a refusal to grant an excluded person with its reason', async () => {
    const message = 'Ben is excluded from this case: named in the report.';
    const { api } = apiAnswering(createStaffApi, json(409, { error: { id: 'excluded', message } }));
    await expect(api.grant('c1', 'u2')).rejects.toMatchObject({ status: 409, id: 'excluded', message });
  });

  it('sends the list order and the new filters in the query', async () => {
    const { api, calls } = apiAnswering(createStaffApi, json(200, { items: [], nextCursor: null }));
    await api.listCases({ order: 'newest', label: 'site B', urgent: 'true', limit: 50 });
    expect(calls[0]?.url).toBe('/api/v1/cases?order=newest&label=site+B&urgent=true&limit=50');
  });
});
