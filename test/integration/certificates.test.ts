/**
 * Certificates of receipt (CEL 2023 Art. 55): the receipt page and the follow-up page hand the reporter a PDF
 * that states the reference, kind, channel and exact time of receipt, tied to the audit log, with a verification
 * code staff check in the workspace. The PDF never carries the receipt; only a hash of the code is stored.
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { actor, errorId, type Actor } from '../helpers/cases.ts';
import { DIALECTS } from '../helpers/db.ts';
import { multipart } from '../helpers/multipart.ts';
import { pdfLines } from '../helpers/pdf-text.ts';
import { shownAfter } from '../helpers/forms.ts';

const SELF_DISCLOSURE = {
  what_happened: 'I was asked to photograph documents while studying abroad.',
  coerced: 'coerced',
  came_forward: 'mission',
  came_forward_date: '2026-11-20',
  danger: 'no',
};

const form = (values: Record<string, string>) => ({
  payload: new URLSearchParams(values).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

/** The value after a label line of the certificate. */
const after = (lines: string[], label: string) => lines[lines.indexOf(label) + 1];

describe.each(DIALECTS)('certificates of receipt on %s', (dialect) => {
  let t: TestApp;
  let handler: Actor;
  let custodian: Actor;
  let now = new Date('2026-11-29T16:16:04.123Z');
  beforeAll(async () => {
    t = await buildTestApp({ dialect, now: () => now });
  });
  /** Staff sign in at the test's current time (sessions expire as the clock moves on). */
  async function signInStaff() {
    handler = await actor(t, 'handler');
    custodian = await actor(t, 'custodian');
  }
  afterAll(async () => t?.close());

  /** Sends a report through the web form. @returns the receipt page */
  async function sendReport(category: string, answers: Record<string, string>) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/report/${category}/submit`,
      ...(await multipart([{ name: 'answers', value: JSON.stringify(answers) }])),
    });
    expect(res.statusCode).toBe(303);
    return t.app.inject({ method: 'GET', url: res.headers.location! });
  }

  const receiptOf = (body: string) =>
    /<p class="receipt" id="receipt">(.*?)<\/p>/.exec(body)![1]!.replace(/<\/?span>/g, '');

  async function reportRow(receipt: string) {
    return t.deps.db
      .selectFrom('reports')
      .select(['id', 'reference', 'received_at'])
      .where('receipt_locator', '=', receipt.replace(/\s/g, '').slice(0, 10))
      .executeTakeFirstOrThrow();
  }

  it('offers the certificate on the receipt page and sends a PDF with the exact reference and time, never the receipt', async () => {
    now = new Date('2026-11-29T16:16:04.123Z');
    const page = await sendReport('self-disclosure', SELF_DISCLOSURE);
    expect(page.statusCode).toBe(200);
    const receipt = receiptOf(page.body);
    expect(page.body).toContain('<form method="post" action="/receipt/certificate" autocomplete="off">');
    expect(page.body).toContain(`<input type="hidden" name="receipt" value="${receipt}">`);
    expect(page.body).toContain('You came forward about your own involvement: the certificate is proof');
    const report = await reportRow(receipt);
    expect(report.received_at).toBe('2026-11-29T16:16:04.123Z');

    now = new Date('2026-11-30T08:00:00.000Z');
    const res = await t.app.inject({ method: 'POST', url: '/receipt/certificate', ...form({ receipt }) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="certificate-of-receipt-${report.reference}.pdf"; filename*=UTF-8''certificate-of-receipt-${report.reference}.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['set-cookie']).toBeUndefined();
    const bytes = res.rawPayload;
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const lines = await pdfLines(bytes);
    expect(lines[0]).toBe('National Security Reporting Office');
    expect(lines[1]).toBe('Certificate of receipt');
    expect(lines.join(' ')).toContain('a person came forward about their own involvement');
    expect(after(lines, 'Report reference')).toBe(report.reference);
    expect(after(lines, 'Kind of report')).toBe('Coming forward about your own involvement');
    expect(after(lines, 'Channel')).toBe('Web form');
    expect(after(lines, 'Received (UTC, ISO 8601)')).toBe('2026-11-29T16:16:04.123Z');
    expect(after(lines, 'Received (in words)')).toBe('November 30, 2026 at 12:16:04 AM GMT+8'); // the authority's time zone, Asia/Shanghai
    expect(after(lines, 'Certificate issued (UTC, ISO 8601)')).toBe('2026-11-30T08:00:00.000Z');
    const code = after(lines, 'Verification code')!;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);

    // The audit entry of the submission, by sequence number and hash.
    const submitted = await t.deps.db
      .selectFrom('audit')
      .select(['seq', 'hash'])
      .where('action', '=', 'report.submit')
      .where('subject', '=', `report:${report.id}`)
      .executeTakeFirstOrThrow();
    expect(lines.join(' ')).toContain(`Entry ${submitted.seq} of the audit log, hash ${submitted.hash}`);

    // No receipt, in any form, and no answer.
    const digits = receipt.replace(/\s/g, '');
    const raw = Buffer.from(bytes).toString('latin1');
    for (const text of [raw, lines.join('\n')]) {
      expect(text).not.toContain(receipt);
      expect(text).not.toContain(digits);
      expect(text).not.toContain(digits.slice(10, 35));
      expect(text).not.toContain('photograph documents');
    }

    // Only a hash of the code is stored; issuing is audited.
    const normalized = code.replace(/-/g, '');
    const stored = await t.deps.db.selectFrom('certificates').selectAll().where('report_id', '=', report.id).execute();
    expect(stored).toEqual([
      {
        code_hash: createHash('sha256').update(normalized).digest('hex'),
        report_id: report.id,
        issued_at: '2026-11-30T08:00:00.000Z',
      },
    ]);
    const issued = await t.deps.db
      .selectFrom('audit')
      .select(['actor', 'subject'])
      .where('action', '=', 'certificate.issue')
      .execute();
    expect(issued).toContainEqual({ actor: 'reporter', subject: `report:${report.id}` });

    // Staff check the code: valid, in any case and spacing; one changed character is not.
    await signInStaff();
    const ok = await handler.send('POST', '/api/v1/certificates/verify', { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      valid: true,
      reference: report.reference,
      category: 'Coming forward about your own involvement',
      channel: 'Web form',
      receivedAt: '2026-11-29T16:16:04.123Z',
      issuedAt: '2026-11-30T08:00:00.000Z',
    });
    const spaced = code.toLowerCase().replace(/-/g, ' ');
    expect((await custodian.send('POST', '/api/v1/certificates/verify', { code: spaced })).json()).toMatchObject({
      valid: true,
      reference: report.reference,
    });
    const last = code.at(-1)!;
    const changed = code.slice(0, -1) + (last === 'Z' ? 'Y' : last === '9' ? '8' : 'Z');
    expect((await handler.send('POST', '/api/v1/certificates/verify', { code: changed })).json()).toEqual({
      valid: false,
    });
    expect((await handler.send('POST', '/api/v1/certificates/verify', { code: 'not a code' })).json()).toEqual({
      valid: false,
    });
    const checks = await t.deps.db
      .selectFrom('audit')
      .select(['actor', 'subject', 'reason'])
      .where('action', '=', 'certificate.verify')
      .orderBy('seq')
      .execute();
    expect(checks.slice(-4)).toEqual([
      { actor: t.users.handler.id, subject: `report:${report.id}`, reason: 'valid' },
      { actor: t.users.custodian.id, subject: `report:${report.id}`, reason: 'valid' },
      { actor: t.users.handler.id, subject: null, reason: 'not valid' },
      { actor: t.users.handler.id, subject: null, reason: 'not valid' },
    ]);
  });

  it('offers it on the follow-up page, worded for every category, and issues a new code each time', async () => {
    now = new Date('2026-12-01T09:30:00.000Z');
    const page = await sendReport('espionage', { what_happened: 'A van at the gate.', danger: 'no' });
    const receipt = receiptOf(page.body);
    expect(page.body).toContain('<form method="post" action="/receipt/certificate" autocomplete="off">');
    expect(page.body).not.toContain('You came forward about your own involvement');
    const report = await reportRow(receipt);

    const signIn = await t.app.inject({ method: 'POST', url: '/follow-up', ...form({ receipt }) });
    const cookie = `${signIn.cookies[0]!.name}=${signIn.cookies[0]!.value}`;
    const followUp = await t.app.inject({ method: 'GET', url: '/follow-up/report', headers: { cookie } });
    expect(followUp.body).toContain('<h2 id="certificate">Certificate of receipt</h2>');
    expect(followUp.body).toContain('<form method="post" action="/follow-up/certificate" autocomplete="off">');
    const csrf =
      /<form method="post" action="\/follow-up\/certificate" autocomplete="off">\n<input type="hidden" name="_csrf" value="([^"]+)">/.exec(
        followUp.body,
      )![1]!;

    const refused = await shownAfter(
      t,
      await t.app.inject({
        method: 'POST',
        url: '/follow-up/certificate',
        payload: '',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      }),
      cookie,
    );
    expect(refused.statusCode).toBe(403);

    const codes: string[] = [];
    for (const minute of ['10', '11']) {
      now = new Date(`2026-12-01T09:${minute}:00.000Z`);
      const res = await t.app.inject({
        method: 'POST',
        url: '/follow-up/certificate',
        payload: new URLSearchParams({ _csrf: csrf }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const lines = await pdfLines(res.rawPayload);
      expect(lines.join(' ')).toContain(
        'received a report through its confidential reporting channel at the time stated below. It is proof that the report was made, and when.',
      );
      expect(after(lines, 'Report reference')).toBe(report.reference);
      expect(after(lines, 'Kind of report')).toBe('Espionage');
      expect(after(lines, 'Received (UTC, ISO 8601)')).toBe('2026-12-01T09:30:00.000Z');
      expect(after(lines, 'Certificate issued (UTC, ISO 8601)')).toBe(`2026-12-01T09:${minute}:00.000Z`);
      expect(Buffer.from(res.rawPayload).toString('latin1')).not.toContain(receipt.replace(/\s/g, ''));
      codes.push(after(lines, 'Verification code')!);
    }
    expect(codes[0]).not.toBe(codes[1]);
    await signInStaff();
    for (const [i, code] of codes.entries())
      expect((await handler.send('POST', '/api/v1/certificates/verify', { code })).json()).toMatchObject({
        valid: true,
        issuedAt: `2026-12-01T09:1${i}:00.000Z`,
      });
  });

  it('refuses a wrong receipt on the certificate form and keeps verification to the checking roles', async () => {
    const res = await shownAfter(
      t,
      await t.app.inject({
        method: 'POST',
        url: '/receipt/certificate',
        ...form({ receipt: '0000 0000 0000 0000 0000 0000 0000 0000 0000' }),
      }),
    );
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('This receipt was not recognised. Please check it and try again.');
    const count = await t.deps.db
      .selectFrom('certificates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);

    const admin = await actor(t, 'administrator');
    expect(
      (await admin.send('POST', '/api/v1/certificates/verify', { code: 'AAAA-AAAA-AAAA-AAAA-AAAA' })).statusCode,
    ).toBe(404);
    const operator = await actor(t, 'operator');
    expect((await operator.send('POST', '/api/v1/certificates/verify', { code: 'x' })).statusCode).toBe(404);
  });

  it('slows a person who checks many wrong codes', async () => {
    const oversight = await actor(t, 'oversight');
    for (let i = 0; i < 10; i++)
      expect((await oversight.send('POST', '/api/v1/certificates/verify', { code: `WRONG-${i}` })).json()).toEqual({
        valid: false,
      });
    const blocked = await oversight.send('POST', '/api/v1/certificates/verify', { code: 'WRONG' });
    expect(blocked.statusCode).toBe(429);
    expect(errorId(blocked)).toBe('too_many_attempts');
  });
});
