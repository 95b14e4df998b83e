import { describe, expect, it } from 'vitest';
import { apiAnswering, json } from './fake-fetch.ts';
import { createRetentionApi } from './retention.ts';

const view = {
  status: 'closed',
  retentionDays: 1095,
  retentionEndsAt: '2029-11-28T10:00:00.000Z',
  remindedAt: null,
  destroyAfter: '2029-11-28T10:00:00.000Z',
  legalHold: null,
  canManageLegalHold: true,
  approvedDeletionRequestId: null,
};

describe('retention endpoints', () => {
  it('call the documented paths with the documented bodies', async () => {
    const held = { ...view, destroyAfter: null, legalHold: { since: '2029-01-02T08:00:00.000Z', reason: 'Order' } };
    const { api, calls } = apiAnswering(
      createRetentionApi,
      json(200, view),
      json(200, held),
      json(200, view),
      new Response(null, { status: 204 }),
    );
    expect(await api.getRetention('c/1')).toEqual(view);
    expect(await api.setLegalHold('c1', 'Order')).toEqual(held);
    await api.liftLegalHold('c1', 'Lifted');
    await api.deleteCase('c1', 'r-1');
    expect(calls).toEqual([
      { method: 'GET', url: '/api/v1/cases/c%2F1/retention', body: undefined, csrf: undefined },
      { method: 'POST', url: '/api/v1/cases/c1/legal-hold', body: { reason: 'Order' }, csrf: 'token-1' },
      { method: 'DELETE', url: '/api/v1/cases/c1/legal-hold', body: { reason: 'Lifted' }, csrf: 'token-1' },
      { method: 'DELETE', url: '/api/v1/cases/c1?requestId=r-1', body: undefined, csrf: 'token-1' },
    ]);
  });

  it('passes on a refusal to delete a case on legal hold with its message', async () => {
    const message = 'This case is on legal hold and cannot be deleted.';
    const { api } = apiAnswering(createRetentionApi, json(409, { error: { id: 'legal_hold', message } }));
    await expect(api.deleteCase('c1', 'r-1')).rejects.toMatchObject({ status: 409, id: 'legal_hold', message });
  });
});
