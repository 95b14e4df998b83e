/**
 * A receipt an operator saw is replaced at the reporter's first sign-in (issue 10 item 2): the new receipt is shown
 * once, the old one is then answered as an unknown receipt is, the new one signs in and is not replaced again, and
 * two first sign-ins at once leave one valid receipt.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReceipt, parseReceipt } from '../../src/crypto/receipt.ts';
import { verifyReceipt } from '../../src/domain/reporter/follow-up.ts';
import { replaceSeenReceipt } from '../../src/domain/reporter/receipts.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { recordIntake } from '../helpers/intake.ts';

const GROUPS = /^\d{4}( \d{4}){8}$/;

describe.each(DIALECTS)('receipt rotation on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(async () => t?.close());

  async function operatorReceipt(): Promise<string> {
    const res = await recordIntake(t, await t.signIn('operator'), {
      channel: 'phone',
      facts: { receivedAt: new Date().toISOString(), recordingConsent: 'not_asked' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { receipt: string }).receipt;
  }
  const signIn = (receipt: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/reporter/session', payload: { receipt } });

  it('replaces the receipt at the first sign-in through the API', async () => {
    const old = await operatorReceipt();
    const first = await signIn(old);
    expect(first.statusCode).toBe(200);
    const { newReceipt } = first.json() as { newReceipt: string | null };
    expect(newReceipt).toMatch(GROUPS);
    expect(newReceipt).not.toBe(old);

    // The old receipt: the same answer as a receipt that never existed.
    const unknown = await signIn(generateReceipt().receipt);
    const again = await signIn(old);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toEqual(unknown.json());

    // The new one signs in, and is not replaced again.
    for (let i = 0; i < 2; i++) {
      const next = await signIn(newReceipt!);
      expect(next.statusCode).toBe(200);
      expect((next.json() as { newReceipt: string | null }).newReceipt).toBeNull();
    }
    const audit = await t.deps.db
      .selectFrom('audit')
      .select('action')
      .where('action', '=', 'reporter.receipt_replaced')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('leaves a web report’s receipt alone', async () => {
    const { receipt } = await submitCase(t);
    for (let i = 0; i < 2; i++)
      expect(((await signIn(receipt)).json() as { newReceipt: string | null }).newReceipt).toBeNull();
  });

  it('shows the new receipt once on the follow-up page', async () => {
    const old = await operatorReceipt();
    const post = await t.app.inject({ method: 'POST', url: '/follow-up', payload: { receipt: old } });
    expect(post.statusCode).toBe(303);
    const location = post.headers.location as string;
    expect(location).toMatch(/^\/follow-up\/new-receipt\/[A-Za-z0-9_-]{43}$/);
    const cookie = post.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const page = await t.app.inject({ method: 'GET', url: location, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    const groups = [...page.body.matchAll(/<span>(\d{4})<\/span>/g)].map((m) => m[1]).join(' ');
    expect(groups).toMatch(GROUPS);
    expect(groups).not.toBe(old);
    expect(page.body).toContain('The receipt the operator gave you no longer works.');
    expect(page.body).toContain('This page shows it only once.');
    // Once only.
    expect((await t.app.inject({ method: 'GET', url: location, headers: { cookie } })).statusCode).toBe(410);
    // The page's receipt signs in; the old one is refused as an unknown one is.
    expect((await signIn(groups)).statusCode).toBe(200);
    const refused = await t.app.inject({ method: 'POST', url: '/follow-up', payload: { receipt: old } });
    expect(refused.headers.location).toMatch(/^\/follow-up\?draft=/);
    const shown = await t.app.inject({ method: 'GET', url: refused.headers.location as string });
    expect(shown.statusCode).toBe(401);
    expect(shown.body).toContain('This receipt was not recognised. Please check it and try again.');
  });

  it('leaves one valid receipt when two first sign-ins run at once', async () => {
    const old = await operatorReceipt();
    const results = await Promise.all([signIn(old), signIn(old)]);
    const ok = results.filter((r) => r.statusCode === 200);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
    const winner = (ok[0]!.json() as { newReceipt: string }).newReceipt;
    expect((await signIn(winner)).statusCode).toBe(200);
    expect((await signIn(old)).statusCode).toBe(401);
  });

  it('replaces a receipt only while it is still the one marked (the conditional update)', async () => {
    const old = await operatorReceipt();
    const { reportId, reportKey, locator } = await verifyReceipt(t.deps, old);
    const first = await replaceSeenReceipt(t.deps, reportId, reportKey, locator);
    const second = await replaceSeenReceipt(t.deps, reportId, reportKey, locator);
    expect(first).toMatch(GROUPS);
    expect(second).toBeNull();
    const row = await t.deps.db
      .selectFrom('reports')
      .select(['receipt_locator', 'receipt_rotate'])
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    const parsed = parseReceipt(first!);
    expect(row).toEqual({ receipt_locator: parsed.ok ? parsed.locator : '', receipt_rotate: 0 });
  });
});
