import { describe, expect, it } from 'vitest';
import { apiAnswering, json } from './fake-fetch.ts';
import { createStaffApi } from './staff.ts';

const identity = { disclosed: false, disclosedAt: null, reporterAddedAt: null, answers: null, statements: null };

describe('approval and identity endpoints', () => {
  it('call the documented paths with the documented bodies', async () => {
    const { api, calls } = apiAnswering(
      createStaffApi,
      json(200, { items: [] }),
      json(200, { items: [] }),
      json(200, { items: [] }),
      json(201, { id: 'r1' }),
      json(200, { status: 'refused' }),
      json(200, identity),
    );
    const caseId = '8b0c7a4e-9a53-4a43-9d62-2f1f3c1a7b10';
    await api.listRequests('to_decide');
    await api.listRequests('mine');
    await api.caseRequests('c/1');
    expect(
      await api.createRequest({ caseId, kind: 'export', reason: 'Court order', legalBasis: 'CEL 2023 Art. 25' }),
    ).toEqual({ id: 'r1' });
    expect(await api.decideRequest('r/1', { decision: 'refuse', note: 'Not yet' })).toEqual({ status: 'refused' });
    expect(await api.caseIdentity('c1')).toEqual(identity);

    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/requests?box=to_decide',
      'GET /api/v1/requests?box=mine',
      'GET /api/v1/cases/c%2F1/requests',
      'POST /api/v1/requests',
      'POST /api/v1/requests/r%2F1/decision',
      'GET /api/v1/cases/c1/identity',
    ]);
    expect(calls.map((c) => c.body)).toEqual([
      undefined,
      undefined,
      undefined,
      { caseId, kind: 'export', reason: 'Court order', legalBasis: 'CEL 2023 Art. 25' },
      { decision: 'refuse', note: 'Not yet' },
      undefined,
    ]);
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.csrf)).toEqual(['token-1', 'token-1']);
  });
});
