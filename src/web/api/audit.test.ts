import { describe, expect, it } from 'vitest';
import { apiAnswering, json } from './fake-fetch.ts';
import { createStaffApi } from './staff.ts';

const entry = {
  seq: 12,
  at: '2026-03-03T09:02:00.000Z',
  actor: { kind: 'staff', id: 'u-1', name: 'Ann Lee', role: 'handler' },
  action: 'file.download',
  actionText: 'Downloaded the cleaned copy of a file',
  subject: 'report:r-1',
  subjectText: 'Report R-1A2B3C4D',
  reason: 'file:f-1',
};

describe('audit log endpoints', () => {
  it('send the filters and cursor, and read the answers with the shared schemas', async () => {
    const { api, calls } = apiAnswering(
      createStaffApi,
      json(200, { items: [entry], nextCursor: 12 }),
      json(200, { actors: [{ id: 'u-1', displayName: 'Ann Lee', role: 'handler' }] }),
      json(200, { ok: true, entries: 40, seq: null, problem: null, message: 'whole', checkedAt: entry.at }),
    );
    const page = await api.listAudit({
      from: '2026-03-01',
      action: 'file.',
      subject: 'R-1A2B3C4D',
      cursor: 30,
      limit: 50,
    });
    expect(page).toEqual({ items: [entry], nextCursor: 12 });
    await api.listAuditActors();
    expect(await api.verifyAudit()).toMatchObject({ ok: true, entries: 40 });
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/audit?from=2026-03-01&action=file.&subject=R-1A2B3C4D&cursor=30&limit=50',
      '/api/v1/audit/actors',
      '/api/v1/audit/verify',
    ]);
  });

  it('give the download addresses: the date range only, and the record of one report', () => {
    const { api } = apiAnswering(createStaffApi);
    expect(api.auditExportUrl({ from: '2026-03-01', to: '2026-03-31' })).toBe(
      '/api/v1/audit/export?from=2026-03-01&to=2026-03-31',
    );
    expect(api.auditExportUrl({})).toBe('/api/v1/audit/export');
    expect(api.accessLogCsvUrl('R-1A2B3C4D')).toBe('/api/v1/audit/reports/R-1A2B3C4D/accesses.csv');
  });
});
