import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { DIALECTS } from '../../../../test/helpers/db.ts';
import { insertReport } from '../../../../test/helpers/report-rows.ts';

const NOW = new Date('2026-03-12T12:00:00.000Z');

describe.each(DIALECTS)('GET /api/v1/statistics on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect, now: () => NOW });
    const profile = t.deps.profile();
    const espionage = profile.categories.find((c) => c.id === 'espionage');
    const leak = profile.categories.find((c) => c.id === 'leak');
    // Two categories whose titles a CSV writer must take care of.
    t.deps.setProfile({
      ...profile,
      categories: [
        { ...espionage!, title: 'Bribery, "gifts"' },
        { ...leak!, title: '=HYPERLINK("http://x")' },
      ],
    });
    await insertReport(t.deps.db, {
      received_at: '2026-03-02T08:00:00.000Z',
      category: espionage!.id,
      acknowledged_at: '2026-03-03T08:00:00.000Z', // 24 h
      acknowledgement_due_at: '2026-03-09T08:00:00.000Z',
      closed_at: '2026-03-05T08:00:00.000Z', // 72 h
      status: 'closed',
    });
    await insertReport(t.deps.db, {
      received_at: '2026-03-04T12:00:00.000Z',
      category: leak!.id,
      channel: 'phone',
      acknowledged_at: '2026-03-12T11:00:00.000Z', // 191 h, after its deadline
      acknowledgement_due_at: '2026-03-11T12:00:00.000Z',
      status: 'assessing',
      due_at: '2026-03-12T00:00:00.000Z', // overdue
    });
    await insertReport(t.deps.db, { received_at: '2026-03-10T09:30:00.000Z', category: espionage!.id });
  });
  afterAll(async () => t?.close());

  async function get(role: string, url: string) {
    const { cookie } = await t.signIn(role);
    return t.app.inject({ method: 'GET', url, headers: { cookie } });
  }

  it('answers supervisors and administrators with the figures, and audits the read', async () => {
    for (const role of ['administrator', 'supervisor']) {
      const res = await get(role, '/api/v1/statistics?from=2026-03-02&to=2026-03-15');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        from: '2026-03-02',
        to: '2026-03-15',
        weekly: [
          {
            week: '2026-03-02',
            byCategory: { espionage: 1, leak: 1 },
            byChannel: { web: 1, phone: 1, post: 0, email: 0, in_person: 0, referral: 0 },
          },
          {
            week: '2026-03-09',
            byCategory: { espionage: 1, leak: 0 },
            byChannel: { web: 1, phone: 0, post: 0, email: 0, in_person: 0, referral: 0 },
          },
        ],
        categories: [
          { id: 'espionage', title: 'Bribery, "gifts"' },
          { id: 'leak', title: '=HYPERLINK("http://x")' },
        ],
        medianHoursToAcknowledge: 107.5,
        medianHoursToClose: 72,
        acknowledgedWithinDeadline: 0.5,
        overdueNow: 1,
        total: 3,
      });
    }
    const entries = await t.deps.db
      .selectFrom('audit')
      .select(['actor', 'action', 'subject', 'reason'])
      .where('action', 'like', 'statistics.%')
      .orderBy('seq')
      .execute();
    expect(entries.slice(0, 2)).toEqual([
      { actor: t.users.administrator.id, action: 'statistics.read', subject: null, reason: '2026-03-02..2026-03-15' },
      { actor: t.users.supervisor.id, action: 'statistics.read', subject: null, reason: '2026-03-02..2026-03-15' },
    ]);
  });

  it('does not exist for other roles, and asks who you are without a session', async () => {
    for (const role of ['handler', 'operator', 'custodian', 'oversight'])
      for (const url of ['/api/v1/statistics', '/api/v1/statistics.csv']) {
        const res = await get(role, url);
        expect({ role, url, status: res.statusCode }).toEqual({ role, url, status: 404 });
      }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/statistics' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('exports a CSV file, escaped for spreadsheets, and audits the export', async () => {
    const res = await get('administrator', '/api/v1/statistics.csv?from=2026-03-02&to=2026-03-15');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="confide-statistics-2026-03-02-2026-03-15.csv"',
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toBe(
      '\uFEFF' +
        [
          'Week (Monday),"Bribery, ""gifts""","\'=HYPERLINK(""http://x"")",Channel: web,Channel: phone,Channel: post,Channel: email,Channel: in_person,Channel: referral,Total',
          '2026-03-02,1,1,1,1,0,0,0,0,2',
          '2026-03-09,1,0,1,0,0,0,0,0,1',
          '',
          'Figure,Value',
          'From,2026-03-02',
          'To,2026-03-15',
          'Reports received,3',
          'Median hours to acknowledge,107.5',
          'Median hours to close,72',
          'Acknowledged within deadline (%),50',
          'Overdue now,1',
          '',
        ].join('\r\n'),
    );
    const last = await t.deps.db
      .selectFrom('audit')
      .select(['actor', 'action', 'subject'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ actor: t.users.administrator.id, action: 'statistics.export', subject: null });
  });

  it('refuses a bad range with a clear 400', async () => {
    const reversed = await get('supervisor', '/api/v1/statistics?from=2026-03-02&to=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toEqual({
      error: {
        id: 'invalid_range',
        message: 'The start date must not be after the end date.',
        details: { from: 'must be on or before 2026-03-01' },
      },
    });
    const long = await get('supervisor', '/api/v1/statistics.csv?from=2024-03-01&to=2026-03-01');
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toBe(
      'The range may span at most 2 years: choose an end date before 2026-03-01, or a later start date.',
    );
    const malformed = await get('supervisor', '/api/v1/statistics?from=2.3.2026');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.id).toBe('invalid_request');
    const impossible = await get('supervisor', '/api/v1/statistics?from=2026-02-30');
    expect(impossible.json().error.id).toBe('invalid_date');
  });
});
