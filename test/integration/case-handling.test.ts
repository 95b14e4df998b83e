/**
 * Case handling through the API on every database: grants re-sealed from the supervisor's session, exclusions,
 * urgency and the triage queue, the risk assessment gate, reopening, links, labels, search, outcome notices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actor, errorId, errorMessage, submitCase, type Actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';

describe.each(DIALECTS)('case handling on %s', (dialect) => {
  let t: TestApp;
  let sup: Actor;
  let handler: Actor;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    sup = await actor(t, 'supervisor');
    handler = await actor(t, 'handler');
  });
  afterAll(async () => t?.close());

  it('grants a case to a handler, who can then read it, and revokes it', async () => {
    const c = await submitCase(t, { answers: { what_happened: 'Grant me.', danger: 'no' } });
    expect((await handler.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    const staff = (await sup.get('/api/v1/staff?role=handler')).json() as { staff: { id: string; username: string }[] };
    expect(staff.staff.map((s) => s.username)).toEqual(['handler']);
    const grant = await sup.send('POST', `/api/v1/cases/${c.id}/grants`, { userId: t.users.handler.id });
    expect(grant.statusCode).toBe(201);
    expect((grant.json() as { grants: { displayName: string }[] }).grants.map((g) => g.displayName)).toEqual([
      'Test handler',
      'Test supervisor',
    ]);
    const read = await handler.get(`/api/v1/cases/${c.id}`);
    expect(read.statusCode).toBe(200);
    const detail = read.json() as {
      answers: { fieldId: string; value: unknown }[];
      canManageAccess: boolean;
      events: { summary: string }[];
    };
    expect(detail.answers.find((a) => a.fieldId === 'what_happened')?.value).toBe('Grant me.');
    expect(detail.canManageAccess).toBe(false);
    expect(detail.events.map((e) => e.summary)).toEqual(['Granted to Test handler']);
    expect((await handler.get(`/api/v1/cases/${c.id}/access`)).statusCode).toBe(404);
    expect(
      (await handler.send('POST', `/api/v1/cases/${c.id}/grants`, { userId: t.users.handler.id })).statusCode,
    ).toBe(404);

    const revoke = await sup.send('DELETE', `/api/v1/cases/${c.id}/grants/${t.users.handler.id}`);
    expect(revoke.statusCode).toBe(200);
    expect((await handler.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
  });

  it('never grants a case to someone excluded from it, and says why', async () => {
    const c = await submitCase(t);
    await sup.send('POST', `/api/v1/cases/${c.id}/grants`, { userId: t.users.handler.id });
    const ex = await sup.send('POST', `/api/v1/cases/${c.id}/exclusions`, {
      userId: t.users.handler.id,
      reason: 'named_in_report',
      note: 'Named as a witness.',
    });
    expect(ex.statusCode).toBe(201);
    const access = ex.json() as {
      grants: { userId: string }[];
      exclusions: { userId: string; reason: string; note: string }[];
    };
    expect(access.grants.map((g) => g.userId)).toEqual([t.users.supervisor.id]);
    expect(access.exclusions).toEqual([
      expect.objectContaining({ userId: t.users.handler.id, reason: 'named_in_report', note: 'Named as a witness.' }),
    ]);
    expect((await handler.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
    const again = await sup.send('POST', `/api/v1/cases/${c.id}/grants`, { userId: t.users.handler.id });
    expect(again.statusCode).toBe(409);
    expect(errorId(again)).toBe('excluded');
    expect(errorMessage(again)).toBe(
      'Test handler is excluded from this case (named in the report) and cannot be granted it.',
    );
    const other = await sup.send('POST', `/api/v1/cases/${c.id}/grants`, { userId: t.users.administrator.id });
    expect(errorId(other)).toBe('not_grantable');
  });

  it('puts urgent cases first in the queue, then the soonest deadline', async () => {
    const calm = await submitCase(t);
    const urgent = await submitCase(t, { answers: { ...{ what_happened: 'Threat.', danger: 'yes' } } });
    const page = (await sup.get('/api/v1/cases?limit=200')).json() as {
      items: { id: string; urgent: boolean; dueAt: string | null }[];
    };
    const urgentAt = page.items.findIndex((i) => i.id === urgent.id);
    const calmAt = page.items.findIndex((i) => i.id === calm.id);
    expect(page.items.slice(0, urgentAt + 1).every((i) => i.urgent)).toBe(true);
    expect(urgentAt).toBeLessThan(calmAt);
    const dues = page.items.filter((i) => !i.urgent && i.dueAt).map((i) => i.dueAt!);
    expect(dues).toEqual([...dues].sort());

    const mark = await sup.send('POST', `/api/v1/cases/${calm.id}/urgent`, {
      urgent: true,
      reason: 'The reporter called: in danger.',
    });
    expect(mark.statusCode).toBe(200);
    const marked = mark.json() as { urgent: boolean; dueAt: string };
    expect(marked.urgent).toBe(true);
    const d = (await sup.get(`/api/v1/cases/${calm.id}`)).json() as {
      receivedAt: string;
      events: { summary: string; reason: string }[];
    };
    expect(Date.parse(marked.dueAt) - Date.parse(d.receivedAt)).toBe(24 * 3_600_000);
    expect(d.events.at(-1)).toMatchObject({ summary: 'Marked urgent', reason: 'The reporter called: in danger.' });
    const urgentOnly = (await sup.get('/api/v1/cases?urgent=true&limit=200')).json() as {
      items: { urgent: boolean }[];
    };
    expect(urgentOnly.items.length).toBeGreaterThanOrEqual(2);
    expect(urgentOnly.items.every((i) => i.urgent)).toBe(true);
  });

  it('pages the triage queue by keyset without gaps or repeats, across the end of the urgent cases', async () => {
    await submitCase(t, { answers: { what_happened: 'Urgent one.', danger: 'yes' } });
    for (let i = 0; i < 3; i++) await submitCase(t);
    const all = (await sup.get('/api/v1/cases?limit=200')).json() as { items: { id: string }[] };
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await sup.get(`/api/v1/cases?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json() as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.id));
  });

  it('needs a risk assessment before a case leaves assessing, and a reason to reopen', async () => {
    const c = await submitCase(t);
    expect((await sup.send('POST', `/api/v1/cases/${c.id}/status`, { status: 'assessing' })).statusCode).toBe(200);
    const blocked = await sup.send('POST', `/api/v1/cases/${c.id}/status`, { status: 'investigating' });
    expect(blocked.statusCode).toBe(409);
    expect(errorId(blocked)).toBe('risk_assessment_required');
    const risk = await sup.send('POST', `/api/v1/cases/${c.id}/risk`, {
      level: 'moderate',
      note: 'Reporter works at the site.',
    });
    expect(risk.json()).toEqual({ riskLevel: 'moderate' });
    expect((await sup.send('POST', `/api/v1/cases/${c.id}/status`, { status: 'investigating' })).statusCode).toBe(200);
    expect(
      (await sup.send('POST', `/api/v1/cases/${c.id}/status`, { status: 'closed', outcome: 'unsubstantiated' }))
        .statusCode,
    ).toBe(200);
    const noReason = await sup.send('POST', `/api/v1/cases/${c.id}/status`, { status: 'assessing' });
    expect(errorId(noReason)).toBe('reason_required');
    const reopen = await sup.send('POST', `/api/v1/cases/${c.id}/status`, {
      status: 'assessing',
      reason: 'New evidence arrived.',
    });
    expect(reopen.json()).toEqual({ status: 'assessing', outcome: null });
    const d = (await sup.get(`/api/v1/cases/${c.id}`)).json() as {
      riskLevel: string;
      acknowledgedAt: string | null;
      events: { kind: string; summary: string; reason: string | null }[];
    };
    expect(d.riskLevel).toBe('moderate');
    expect(d.acknowledgedAt).not.toBeNull();
    expect(d.events.map((e) => [e.kind, e.summary, e.reason])).toEqual([
      ['status', 'Status changed from received to assessing', null],
      ['risk', 'Risk of harm to the reporter assessed as moderate', 'Reporter works at the site.'],
      ['status', 'Status changed from assessing to investigating', null],
      ['status', 'Status changed from investigating to closed (outcome: unsubstantiated)', null],
      ['status', 'Status changed from closed to assessing', 'New evidence arrived.'],
    ]);
  });

  it('links a duplicate to the report received first', async () => {
    const first = await submitCase(t);
    const second = await submitCase(t);
    const link = await sup.send('POST', `/api/v1/cases/${second.id}/links`, {
      reference: first.reference.toLowerCase(),
      kind: 'duplicate',
    });
    expect(link.statusCode).toBe(201);
    expect(link.json()).toEqual({
      links: [{ id: first.id, reference: first.reference, kind: 'duplicate', thisIsFirst: false }],
    });
    const fromFirst = (await sup.get(`/api/v1/cases/${first.id}`)).json() as { links: unknown[] };
    expect(fromFirst.links).toEqual([
      { id: second.id, reference: second.reference, kind: 'duplicate', thisIsFirst: true },
    ]);
    expect(
      errorId(
        await sup.send('POST', `/api/v1/cases/${second.id}/links`, { reference: first.reference, kind: 'related' }),
      ),
    ).toBe('already_linked');
    expect(
      (await sup.send('POST', `/api/v1/cases/${second.id}/links`, { reference: 'R-00000000', kind: 'related' }))
        .statusCode,
    ).toBe(404);
    expect((await sup.send('DELETE', `/api/v1/cases/${second.id}/links/${first.id}`)).json()).toEqual({ links: [] });
  });

  it('labels cases and filters the queue by label', async () => {
    const c = await submitCase(t);
    const res = await sup.send('PUT', `/api/v1/cases/${c.id}/labels`, {
      labels: ['Translation', 'translation', ' site-visit '],
    });
    expect(res.json()).toEqual({ labels: ['site-visit', 'translation'] });
    const filtered = (await sup.get('/api/v1/cases?label=translation&limit=200')).json() as { items: { id: string }[] };
    expect(filtered.items.map((i) => i.id)).toEqual([c.id]);
  });

  it('searches content only inside the cases the searcher holds', async () => {
    const c = await submitCase(t, {
      answers: { what_happened: 'A blue van with plate ZX-4411 waits nightly.', danger: 'no' },
    });
    const found = (await sup.get('/api/v1/cases/search?q=zx-4411')).json() as {
      items: { id: string }[];
      searched: number;
      complete: boolean;
    };
    expect(found.items.map((i) => i.id)).toEqual([c.id]);
    expect(found.complete).toBe(true);
    expect(found.searched).toBeGreaterThan(1);
    const none = (await handler.get('/api/v1/cases/search?q=zx-4411')).json() as { items: unknown[] };
    expect(none.items).toEqual([]);
  });

  it('closes a complaint about an official only after an outcome notice to the complainant', async () => {
    // Complaints go to oversight officers only (CEL 2023 Art. 52): they handle and close them.
    const sup = await actor(t, 'oversight');
    const c = await submitCase(t, {
      category: 'complaint-official',
      answers: { what_happened: 'An officer took my passport.', danger: 'no' },
      finder: 'oversight',
    });
    const d = (await sup.get(`/api/v1/cases/${c.id}`)).json() as {
      outcomeNoticeRequired: boolean;
      categoryKind: string;
      feedbackTemplates: { outcome: string; text: string }[];
    };
    expect(d.categoryKind).toBe('complaint_about_official');
    expect(d.outcomeNoticeRequired).toBe(true);
    expect(d.feedbackTemplates.map((f) => f.outcome)).toEqual([
      'substantiated',
      'unsubstantiated',
      'insufficient_information',
      'referred_elsewhere',
      'duplicate',
      'knowingly_false',
    ]);
    const blocked = await sup.send('POST', `/api/v1/cases/${c.id}/status`, {
      status: 'closed',
      outcome: 'substantiated',
    });
    expect(errorId(blocked)).toBe('outcome_notice_required');
    const internalNotice = await sup.send('POST', `/api/v1/cases/${c.id}/messages`, {
      body: 'x',
      visibility: 'internal',
      kind: 'outcome_notice',
    });
    expect(errorId(internalNotice)).toBe('outcome_notice_to_reporter');
    const notice = await sup.send('POST', `/api/v1/cases/${c.id}/messages`, {
      body: d.feedbackTemplates[0]!.text,
      visibility: 'reporter',
      kind: 'outcome_notice',
    });
    expect(notice.statusCode).toBe(201);
    expect((notice.json() as { kind: string }).kind).toBe('outcome_notice');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporter/session',
      payload: { receipt: c.receipt },
    });
    const page = await t.app.inject({
      method: 'GET',
      url: '/follow-up/report',
      headers: { cookie: login.cookies.map((k) => `${k.name}=${k.value}`).join('; ') },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<strong>The outcome of your report</strong>');
    expect(
      (await sup.send('POST', `/api/v1/cases/${c.id}/status`, { status: 'closed', outcome: 'substantiated' }))
        .statusCode,
    ).toBe(200);
  });
});
