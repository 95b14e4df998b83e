/**
 * Repeated wrong receipts slow a guesser without locking the reporter out (issue 8 item 5): five near misses on a
 * real receipt's locator used to block it for 15 minutes, so anyone who learnt a locator could keep its reporter
 * out. Now the right receipt always passes its Argon2id check and signs in at once; only failures wait, past five
 * in the window, longer each time — near misses and unknown locators alike. The test app records each wait instead
 * of sleeping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dammCheckDigit, formatReceipt } from '../../src/crypto/receipt.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { submitCase } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';

/** The receipt with secret digit `i` changed and a right check digit: it passes the typo check, then fails. */
function nearMiss(receipt: string, i: number): string {
  const digits = receipt.replace(/ /g, '').slice(0, 35);
  const at = 10 + (i % 25);
  const changed = digits.slice(0, at) + String((Number(digits[at]) + 1) % 10) + digits.slice(at + 1);
  return formatReceipt(changed + dammCheckDigit(changed));
}

describe.each(DIALECTS)('receipt failures are slowed, the right receipt always passes (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(async () => t?.close());

  const viaForm = (receipt: string) =>
    t.app.inject({
      method: 'POST',
      url: '/follow-up',
      payload: new URLSearchParams({ receipt }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  const viaApi = (receipt: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/reporter/session', payload: { receipt } });
  const newWaits = async (fn: () => Promise<unknown>) => {
    const before = t.waits.length;
    await fn();
    return t.waits.slice(before);
  };

  it('after 5 and more near misses on a real locator the right receipt signs in at once', async () => {
    const { receipt } = await submitCase(t);
    const misses: { statusCode: number; body: string }[] = [];
    const waits = await newWaits(async () => {
      for (let i = 0; i < 8; i++) misses.push(await viaApi(nearMiss(receipt, i)));
    });
    for (const miss of misses)
      expect([miss.statusCode, JSON.parse(miss.body)]).toEqual([
        401,
        { error: { id: 'unauthorized', message: 'This receipt was not recognised. Please check it and try again.' } },
      ]);
    // The first five are answered without waiting, then 1 s, 2 s, 4 s.
    expect(waits).toEqual([1000, 2000, 4000]);

    let signedIn: Awaited<ReturnType<typeof viaForm>> | undefined;
    expect(
      await newWaits(async () => {
        signedIn = await viaForm(receipt);
      }),
    ).toEqual([]);
    expect([signedIn!.statusCode, signedIn!.headers.location]).toEqual([303, '/follow-up/report']);
    expect(signedIn!.cookies.map((c) => c.name)).toEqual(['confide_reporter']);
    // Through the API too, and the count is not reset by it: the guesser's next failure still waits longer.
    expect((await viaApi(receipt)).statusCode).toBe(200);
    expect(await newWaits(() => viaApi(nearMiss(receipt, 9)))).toEqual([8000]);
  });

  it('unknown locators are counted and slowed like near misses, and answered alike', async () => {
    const digits = '3'.repeat(35);
    const unknown = formatReceipt(digits + dammCheckDigit(digits));
    const answers: { statusCode: number; body: string }[] = [];
    const waits = await newWaits(async () => {
      for (let i = 0; i < 7; i++) answers.push(await viaApi(unknown));
    });
    expect(waits).toEqual([1000, 2000]);
    expect(new Set(answers.map((a) => `${a.statusCode} ${a.body}`))).toEqual(
      new Set([
        '401 {"error":{"id":"unauthorized","message":"This receipt was not recognised. Please check it and try again."}}',
      ]),
    );
  });
});
