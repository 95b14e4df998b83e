/**
 * The foundation end to end through the JSON API, on every available database: a report with a file is
 * submitted, the reporter signs in with the receipt, a supervisor reads it, downloads the cleaned file, replies
 * and moves the case, and the reporter sees the reply and status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart, reportParts } from '../helpers/multipart.ts';
import { reporterSession } from '../helpers/cases.ts';

const ANSWERS = {
  what_happened: 'A man photographed the base gate every day.',
  when: '2024-02-29',
  danger: 'no',
  how_you_know: 'saw',
};

describe.each(DIALECTS)('report flow on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(async () => t?.close());

  async function submit(extra: Partial<Parameters<typeof reportParts>[0]> = {}) {
    const body = await multipart(reportParts({ category: 'espionage', answers: ANSWERS, ...extra }));
    return t.app.inject({ method: 'POST', url: '/api/v1/reports', ...body });
  }

  it('takes a report in and lets reporter and supervisor work on it', async () => {
    const res = await submit({
      identity: { name: 'Li Wei', contact: 'Signal +00 000' },
      files: [{ filename: 'notes.txt', data: Buffer.from('plate number ABC-123\n'), type: 'text/plain' }],
    });
    expect(res.statusCode).toBe(201);
    const { receipt } = res.json() as { receipt: string };
    expect(receipt).toMatch(/^\d{4}( \d{4}){8}$/);

    const reporter = await reporterSession(t, receipt);
    const view1 = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reporter/report',
      headers: { cookie: reporter.cookie },
    });
    expect(view1.statusCode).toBe(200);
    const r1 = view1.json() as {
      status: string;
      statusText: string;
      answers: { fieldId: string; value: unknown }[];
      files: { name: string }[];
    };
    expect(r1.status).toBe('received');
    expect(r1.statusText).toBe('Your report has been received and is waiting to be looked at.');
    expect(r1.answers.find((a) => a.fieldId === 'when')?.value).toBe('2024-02-29');
    expect(r1.files.map((f) => f.name)).toEqual(['notes.txt']);

    const staff = await t.signIn('supervisor');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie: staff.cookie } });
    expect(list.statusCode).toBe(200);
    const items = (
      list.json() as { items: { id: string; status: string; channel: string; category: { id: string } }[] }
    ).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'received', channel: 'web', category: { id: 'espionage' } });
    const id = items[0]!.id;

    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: staff.cookie } });
    expect(detail.statusCode).toBe(200);
    const d = detail.json() as {
      answers: { fieldId: string; value: unknown }[];
      files: { id: string; name: string; cleaning: string; size: number }[];
      allowedTransitions: string[];
    };
    expect(d.answers.find((a) => a.fieldId === 'what_happened')?.value).toBe(ANSWERS.what_happened);
    expect(JSON.stringify(d)).not.toContain('Li Wei');
    expect(d.files).toHaveLength(1);
    expect(d.files[0]).toMatchObject({ name: 'notes.txt', cleaning: 'unchanged', size: 21 });
    expect(d.allowedTransitions).toEqual(['acknowledged', 'assessing', 'closed']);

    const file = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}/files/${d.files[0]!.id}`,
      headers: { cookie: staff.cookie },
    });
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('plate number ABC-123\n');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="notes.txt"; filename*=UTF-8''notes.txt`);
    expect(file.headers['x-content-type-options']).toBe('nosniff');

    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/messages`,
      headers: { cookie: staff.cookie },
      payload: { body: 'x', visibility: 'reporter' },
    });
    expect(noCsrf.statusCode).toBe(403);

    const headers = { cookie: staff.cookie, 'x-csrf-token': staff.csrf };
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/messages`,
      headers,
      payload: { body: 'Thank you. Can you describe the man?', visibility: 'reporter' },
    });
    expect(reply.statusCode).toBe(201);
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/messages`,
      headers,
      payload: { body: 'Check gate camera logs.', visibility: 'internal' },
    });
    expect(note.statusCode).toBe(201);

    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/status`,
      headers,
      payload: { status: 'investigating' },
    });
    expect(bad.statusCode).toBe(409);
    expect((bad.json() as { error: { id: string } }).error.id).toBe('invalid_transition');
    const ack = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${id}/status`,
      headers,
      payload: { status: 'acknowledged' },
    });
    expect(ack.json()).toEqual({ status: 'acknowledged', outcome: null });

    const view2 = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reporter/report',
      headers: { cookie: reporter.cookie },
    });
    const r2 = view2.json() as { status: string; messages: { author: string; body: string }[] };
    expect(r2.status).toBe('acknowledged');
    expect(r2.messages).toEqual([
      expect.objectContaining({ author: 'staff', body: 'Thank you. Can you describe the man?' }),
    ]);

    const add = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporter/messages',
      headers: { cookie: reporter.cookie, 'x-csrf-token': reporter.csrf },
      payload: { body: 'Tall, grey coat.' },
    });
    expect(add.statusCode).toBe(201);
    const detail2 = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}`,
      headers: { cookie: staff.cookie },
    });
    const msgs = (detail2.json() as { messages: { author: string; visibility: string; body: string }[] }).messages;
    expect(msgs.map((m) => [m.author, m.visibility, m.body])).toEqual([
      ['staff', 'reporter', 'Thank you. Can you describe the man?'],
      ['staff', 'internal', 'Check gate camera logs.'],
      ['reporter', 'reporter', 'Tall, grey coat.'],
    ]);
  });

  it('marks a report urgent when someone is in danger, with the urgent response time as its first deadline', async () => {
    const before = Date.now();
    expect((await submit()).statusCode).toBe(201);
    const res = await submit({ answers: { ...ANSWERS, danger: 'yes' } });
    expect(res.statusCode).toBe(201);
    const staff = await t.signIn('supervisor');
    const { items } = (
      await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=200', headers: { cookie: staff.cookie } })
    ).json() as {
      items: { id: string; urgent: boolean; status: string; receivedAt: string; dueAt: string }[];
    };
    const urgent = items.filter((i) => i.urgent);
    expect(urgent).toHaveLength(1);
    const received = Date.parse(urgent[0]!.receivedAt);
    expect(received).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(urgent[0]!.dueAt) - received).toBe(24 * 3_600_000);
    const calm = items.find((i) => !i.urgent && i.status === 'received')!;
    expect(Date.parse(calm.dueAt) - Date.parse(calm.receivedAt)).toBe(7 * 86_400_000);

    const d = (
      await t.app.inject({ method: 'GET', url: `/api/v1/cases/${urgent[0]!.id}`, headers: { cookie: staff.cookie } })
    ).json() as {
      answers: { fieldId: string; value: unknown; optionLabels: string[] | null }[];
    };
    expect(d.answers.find((a) => a.fieldId === 'danger')).toMatchObject({ value: 'yes', optionLabels: ['Yes'] });
    expect(d.answers.find((a) => a.fieldId === 'how_you_know')).toMatchObject({
      value: 'saw',
      optionLabels: ['I saw or heard it myself'],
    });
    expect(d.answers.find((a) => a.fieldId === 'what_happened')?.optionLabels).toBeNull();

    const headers = { cookie: staff.cookie, 'x-csrf-token': staff.csrf };
    const odd = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${urgent[0]!.id}/status`,
      headers,
      payload: { status: 'acknowledged', outcome: 'duplicate' },
    });
    expect(odd.statusCode).toBe(400);
    expect((odd.json() as { error: { id: string } }).error.id).toBe('outcome_only_when_closing');
  });

  it('accepts a receipt typed with full-width digits', async () => {
    const { receipt } = (await submit()).json() as { receipt: string };
    const wide = receipt.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    await reporterSession(t, wide);
  });

  it('refuses a mistyped receipt before any costly check and an unknown one alike', async () => {
    const res = await submit();
    const { receipt } = res.json() as { receipt: string };
    const digits = receipt.replace(/ /g, '');
    const typo = `${digits.slice(0, 5)}${(Number(digits[5]) + 1) % 10}${digits.slice(6)}`;
    const r1 = await t.app.inject({ method: 'POST', url: '/api/v1/reporter/session', payload: { receipt: typo } });
    expect(r1.statusCode).toBe(400);
    expect((r1.json() as { error: { id: string } }).error.id).toBe('receipt_typo');
    expect(r1.cookies).toHaveLength(0);
  });

  it('shows a handler without a grant, an administrator and an operator no case at all', async () => {
    const res = await submit();
    expect(res.statusCode).toBe(201);
    const sup = await t.signIn('supervisor');
    const { items } = (
      await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie: sup.cookie } })
    ).json() as { items: { id: string }[] };
    const id = items[0]!.id;
    for (const role of ['handler', 'administrator', 'operator', 'custodian']) {
      const s = await t.signIn(role);
      const one = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: s.cookie } });
      expect([role, one.statusCode]).toEqual([role, 404]);
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie: s.cookie } });
      if (list.statusCode === 200) expect((list.json() as { items: unknown[] }).items).toEqual([]);
      else expect([role, list.statusCode]).toEqual([role, 404]);
    }
  });

  it('pages through cases by keyset', async () => {
    for (let i = 0; i < 3; i++) expect((await submit()).statusCode).toBe(201);
    const sup = await t.signIn('supervisor');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.app.inject({ method: 'GET', url, headers: { cookie: sup.cookie } })).json() as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (
      await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=200', headers: { cookie: sup.cookie } })
    ).json() as { items: { id: string }[] };
    expect(seen).toEqual(all.items.map((i) => i.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('ends staff sessions on sign-out and on disabling', async () => {
    const s = await t.signIn('handler');
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: s.cookie } });
    expect(ok.statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
  });
});
