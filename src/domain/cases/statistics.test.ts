import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { DIALECTS } from '../../../test/helpers/db.ts';
import { insertReport } from '../../../test/helpers/report-rows.ts';
import { resolveRange, statistics, weekOf } from './statistics.ts';

const NOW = new Date('2026-03-12T12:00:00.000Z'); // a Thursday
const HOUR = 3_600_000;
const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR).toISOString();

describe('weekOf and resolveRange', () => {
  it('starts weeks on Monday (UTC)', () => {
    expect(weekOf('2026-03-09')).toBe('2026-03-09');
    expect(weekOf('2026-03-15')).toBe('2026-03-09');
    expect(weekOf('2026-01-01')).toBe('2025-12-29');
  });

  it('defaults to this week and the 11 before it, ending today', () => {
    expect(resolveRange({}, NOW)).toEqual({ from: '2025-12-22', to: '2026-03-12' });
    expect(resolveRange({ to: '2026-01-07' }, NOW)).toEqual({ from: '2025-10-20', to: '2026-01-07' });
  });

  it('refuses a start after the end, more than two years, and dates that do not exist', () => {
    expect(() => resolveRange({ from: '2026-03-02', to: '2026-03-01' }, NOW)).toThrow(
      expect.objectContaining({ kind: 'invalid', id: 'invalid_range' }),
    );
    expect(resolveRange({ from: '2024-01-01', to: '2025-12-31' }, NOW)).toEqual({
      from: '2024-01-01',
      to: '2025-12-31',
    });
    expect(() => resolveRange({ from: '2024-01-01', to: '2026-01-01' }, NOW)).toThrow(
      expect.objectContaining({ id: 'invalid_range', message: expect.stringContaining('before 2026-01-01') }),
    );
    expect(() => resolveRange({ from: '2026-02-30', to: '2026-03-01' }, NOW)).toThrow(
      expect.objectContaining({ id: 'invalid_date', details: { from: 'not a date (YYYY-MM-DD)' } }),
    );
    // A week past 9999-12-31 would be "+010000-…", which sorts before every date: such ranges are refused.
    expect(() => resolveRange({ from: '9999-12-01', to: '9999-12-31' }, NOW)).toThrow(
      expect.objectContaining({
        id: 'invalid_date',
        message: 'Choose a date between 1970-01-01 and 9000-12-31.',
        details: { to: 'must be between 1970-01-01 and 9000-12-31' },
      }),
    );
  });
});

describe.each(DIALECTS)('statistics on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect, roles: [], now: () => NOW });
    const db = t.deps.db;
    const week = 7 * 24;
    // In the range 2026-02-25 … 2026-03-10 (weeks of 23 Feb, 2 Mar and 9 Mar):
    const a = '2026-02-25T00:00:00.000Z'; // first instant of the range
    await insertReport(db, {
      received_at: a,
      acknowledged_at: plus(a, 30),
      acknowledgement_due_at: plus(a, week),
      closed_at: plus(a, 240),
      status: 'closed',
    });
    const b = '2026-02-27T10:00:00.000Z';
    await insertReport(db, {
      received_at: b,
      channel: 'phone',
      acknowledged_at: plus(b, 200), // late
      acknowledgement_due_at: plus(b, week),
      status: 'assessing',
      due_at: '2026-05-27T10:00:00.000Z',
    });
    const c = '2026-03-01T23:59:59.999Z';
    await insertReport(db, {
      received_at: c,
      category: 'leak',
      acknowledgement_due_at: plus(c, week), // passed unacknowledged: a miss
      due_at: plus(c, week), // overdue
    });
    const d = '2026-03-02T00:00:00.000Z';
    await insertReport(db, {
      received_at: d,
      category: 'leak',
      channel: 'email',
      acknowledged_at: plus(d, 10),
      acknowledgement_due_at: plus(d, week),
      closed_at: plus(d, 50),
      status: 'closed',
    });
    const e = '2026-03-04T08:00:00.000Z';
    await insertReport(db, {
      received_at: e,
      category: 'retired', // no longer in the profile
      channel: 'post',
      urgent: 1,
      acknowledged_at: plus(e, 20),
      acknowledgement_due_at: plus(e, 20), // acknowledged at the very deadline: in time
      status: 'investigating',
      due_at: '2026-03-10T00:00:00.000Z', // overdue
    });
    const f = '2026-03-10T23:59:59.999Z'; // last instant of the range
    await insertReport(db, {
      received_at: f,
      acknowledgement_due_at: plus(f, week), // not yet due: undecided
      due_at: plus(f, week),
    });
    const g = '2026-03-09T12:00:00.000Z';
    await insertReport(db, {
      received_at: g,
      channel: 'in_person',
      acknowledged_at: plus(g, 2), // no deadline: not in the share
      status: 'acknowledged',
    });
    // Outside the range:
    const h = '2026-02-24T23:59:59.999Z';
    await insertReport(db, {
      received_at: h,
      acknowledged_at: plus(h, 1),
      acknowledgement_due_at: plus(h, week),
      status: 'acknowledged',
      due_at: '2026-03-01T00:00:00.000Z', // overdue: counted whatever the range
    });
    await insertReport(db, { received_at: '2026-03-11T00:00:00.000Z', due_at: '2026-03-18T00:00:00.000Z' });
    await insertReport(db, {
      received_at: '2025-06-02T08:00:00.000Z',
      status: 'closed',
      closed_at: '2025-06-03T08:00:00.000Z',
      due_at: '2025-06-09T08:00:00.000Z', // closed: never overdue
    });
  });
  afterAll(async () => t?.close());

  const profileCategories = () => t.deps.profile().categories.map((c) => ({ id: c.id, title: c.title }));
  const cats = (counts: Record<string, number>) => ({
    ...Object.fromEntries(profileCategories().map((c) => [c.id, 0])),
    retired: 0,
    ...counts,
  });
  const chans = (counts: Record<string, number>) => ({
    web: 0,
    phone: 0,
    post: 0,
    email: 0,
    in_person: 0,
    referral: 0,
    ...counts,
  });

  it('counts per week by category and channel, with medians, share and overdue cases', async () => {
    const s = await statistics(t.deps, { from: '2026-02-25', to: '2026-03-10' });
    expect(s.from).toBe('2026-02-25');
    expect(s.to).toBe('2026-03-10');
    expect(s.weekly).toEqual([
      { week: '2026-02-23', byCategory: cats({ espionage: 2, leak: 1 }), byChannel: chans({ web: 2, phone: 1 }) },
      { week: '2026-03-02', byCategory: cats({ leak: 1, retired: 1 }), byChannel: chans({ email: 1, post: 1 }) },
      { week: '2026-03-09', byCategory: cats({ espionage: 2 }), byChannel: chans({ web: 1, in_person: 1 }) },
    ]);
    expect(profileCategories().map((c) => c.id)).toEqual([
      'espionage',
      'cyber-espionage',
      'third-country',
      'leak',
      'self-disclosure',
      'complaint-official',
    ]);
    expect(s.categories).toEqual([...profileCategories(), { id: 'retired', title: 'retired' }]);
    expect(s.total).toBe(7);
    // Hours to acknowledge 2, 10, 20, 30, 200; to close 50, 240.
    expect(s.medianHoursToAcknowledge).toBe(20);
    expect(s.medianHoursToClose).toBe(145);
    // Decided: a (in time), b (late), c (missed), d (in time), e (at the deadline); f is not due yet, g has none.
    expect(s.acknowledgedWithinDeadline).toBe(0.6);
    expect(s.overdueNow).toBe(3);
  });

  it('answers the default range, weeks without reports included', async () => {
    const s = await statistics(t.deps, {});
    expect(s.from).toBe('2025-12-22');
    expect(s.to).toBe('2026-03-12');
    expect(s.weekly.map((w) => w.week)).toEqual([
      '2025-12-22',
      '2025-12-29',
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
      '2026-02-02',
      '2026-02-09',
      '2026-02-16',
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
    ]);
    expect(s.weekly[0]).toEqual({ week: '2025-12-22', byCategory: cats({}), byChannel: chans({}) });
    expect(s.weekly[9]!.byCategory).toEqual(cats({ espionage: 3, leak: 1 }));
    expect(s.weekly[11]!.byChannel).toEqual(chans({ web: 2, in_person: 1 }));
    expect(s.total).toBe(9);
    // Hours to acknowledge 1, 2, 10, 20, 30, 200.
    expect(s.medianHoursToAcknowledge).toBe(15);
    // h (in time) joins the decided ones.
    expect(s.acknowledgedWithinDeadline).toBe(4 / 6);
  });

  it('has nothing to measure in an empty range', async () => {
    const s = await statistics(t.deps, { from: '2024-01-01', to: '2024-01-07' });
    const { retired: _, ...noRetired } = cats({});
    expect(s).toEqual({
      from: '2024-01-01',
      to: '2024-01-07',
      weekly: [{ week: '2024-01-01', byCategory: noRetired, byChannel: chans({}) }],
      categories: profileCategories(),
      medianHoursToAcknowledge: null,
      medianHoursToClose: null,
      acknowledgedWithinDeadline: null,
      overdueNow: 3,
      total: 0,
    });
  });

  it('reads no sealed or key column, and no whole row', async () => {
    const queries: string[] = [];
    const db = t.deps.db.withPlugin({
      transformQuery: ({ node }) => {
        queries.push(JSON.stringify(node));
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    await statistics({ ...t.deps, db }, { from: '2026-02-25', to: '2026-03-10' });
    expect(queries).toHaveLength(5);
    const column = /"ColumnNode","column":\{"kind":"IdentifierNode","name":"(\w+)"/g;
    const columns = new Set(queries.flatMap((q) => [...q.matchAll(column)].map((m) => m[1])));
    expect([...columns].sort()).toEqual([
      'acknowledged_at',
      'acknowledgement_due_at',
      'category',
      'channel',
      'closed_at',
      'due_at',
      'received_at',
      'status',
      'urgent',
    ]);
    const countAll = '"aggregated":[{"kind":"SelectionNode","selection":{"kind":"SelectAllNode"}}]';
    for (const q of queries) {
      expect(q).toContain('{"kind":"IdentifierNode","name":"reports"}');
      // count(*) aside, no query selects whole rows; no raw SQL names another column.
      expect(q.replaceAll(countAll, '')).not.toContain('SelectAllNode');
      expect(q).not.toMatch(/sealed|receipt_|wrapped|evidence|grants/);
    }
  });
});
