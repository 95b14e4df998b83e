/**
 * Operator intake (issue 10 items 1, 2 and 4): an operator records a report of each channel into the same model as a
 * web report; the category's supervisor reads its answers and channel facts; the operator reads nothing of it right
 * after; the audit names the operator and the channel; per-field errors come back as the web form's do; a letter's
 * scanned pages are cleaned like any file; the letter PDF carries the receipt and the follow-up address; statistics
 * count the referral channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';
import { addStaff } from '../helpers/staff-work.ts';
import { recordIntake } from '../helpers/intake.ts';
import { makeMetadataPdf, makeOrientedJpeg } from '../fixtures/make.ts';
import { pdfLines } from '../helpers/pdf-text.ts';

const RECEIVED = '2026-12-04T09:30:00.000Z';
const NOW = new Date('2026-12-04T10:00:00.000Z');

const CASES = [
  {
    channel: 'phone',
    facts: { receivedAt: RECEIVED, recordingConsent: 'declined', minutes: 'Caller saw a man photograph the gate.' },
    expected: { recordingConsent: 'declined' },
    transcript: { kind: 'minutes', text: 'Caller saw a man photograph the gate.' },
  },
  {
    channel: 'post',
    facts: { receivedAt: RECEIVED, transcription: 'Dear Sir, I saw a man photograph the gate.' },
    expected: { transcription: 'Dear Sir, I saw a man photograph the gate.' },
    transcript: null,
  },
  {
    channel: 'in_person',
    facts: { receivedAt: RECEIVED, recordingConsent: 'agreed', minutes: 'Visitor at the desk, 10 minutes.' },
    expected: { recordingConsent: 'agreed' },
    transcript: { kind: 'transcript', text: 'Visitor at the desk, 10 minutes.' },
  },
  {
    channel: 'referral',
    facts: { receivedAt: RECEIVED, referringAuthority: 'City Police', referralReference: 'CP-2026-118' },
    expected: { referringAuthority: 'City Police', referralReference: 'CP-2026-118' },
    transcript: null,
  },
] as const;

const NONE = {
  recordingConsent: null,
  referringAuthority: null,
  referralReference: null,
  transcription: null,
  minutes: null,
};

/** The id of the case with `reference`, as the supervisor (`cookie`) finds it in their list. */
async function caseIdOf(t: TestApp, cookie: string, reference: string): Promise<string> {
  const list = await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=200', headers: { cookie } });
  return (list.json() as { items: { id: string; reference: string }[] }).items.find((c) => c.reference === reference)!
    .id;
}

describe.each(DIALECTS)('operator intake on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ dialect, now: () => NOW });
  });
  afterAll(async () => t?.close());

  it.each(CASES)('records a $channel report that the supervisor reads and the operator cannot', async (c) => {
    const operator = await t.signIn('operator');
    const res = await recordIntake(t, operator, {
      channel: c.channel,
      answers: { what_happened: `Seen by ${c.channel}`, danger: 'no' },
      facts: { ...c.facts, contactBack: 'call 0123 456 789 after 6 pm' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { receipt, reference } = res.json() as { receipt: string; reference: string };
    expect(receipt).toMatch(/^\d{4}( \d{4}){8}$/);

    const sup = await t.signIn('supervisor');
    const id = await caseIdOf(t, sup.cookie, reference);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: sup.cookie } });
    expect(detail.statusCode).toBe(200);
    const view = detail.json() as {
      reference: string;
      channel: string;
      answers: { fieldId: string; value: unknown }[];
      intake: unknown;
    };
    expect(view.reference).toBe(reference);
    expect(view.channel).toBe(c.channel);
    expect(view.answers.find((a) => a.fieldId === 'what_happened')!.value).toBe(`Seen by ${c.channel}`);
    // The contact-back goes into the sealed identity, never into the facts staff read.
    expect(view.intake).toEqual({
      ...NONE,
      ...c.expected,
      channel: c.channel,
      receivedAt: RECEIVED,
      recordedAt: NOW.toISOString(),
    });
    // Minutes of a call or meeting are a transcript the reporter is asked to check and confirm (Art. 18), not a
    // second copy in the facts.
    const transcripts = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}/transcripts`,
      headers: { cookie: sup.cookie },
    });
    expect(
      (transcripts.json() as { transcripts: { kind: string; text: string; status: string }[] }).transcripts.map(
        ({ kind, text, status }) => ({ kind, text, status }),
      ),
    ).toEqual(c.transcript ? [{ ...c.transcript, status: 'awaiting' }] : []);

    // The operator's access ended at submit: no grant, and every case route answers 404.
    const grants = await t.deps.db
      .selectFrom('grants')
      .select('user_id')
      .where('report_id', '=', id)
      .where('user_id', '=', t.users.operator.id)
      .execute();
    expect(grants).toEqual([]);
    for (const url of [
      `/api/v1/cases/${id}`,
      `/api/v1/cases/${id}/identity`,
      `/api/v1/cases/${id}/files`,
      '/api/v1/cases',
    ])
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie: operator.cookie } })).statusCode, url).toBe(
        404,
      );

    const entry = await t.deps.db
      .selectFrom('audit')
      .select(['actor', 'action', 'reason'])
      .where('subject', '=', `report:${id}`)
      .where('action', '=', 'report.submit')
      .execute();
    expect(entry).toEqual([{ actor: t.users.operator.id, action: 'report.submit', reason: c.channel }]);
  });

  it('lists an operator’s own recent handovers, newest first, by reference, channel and time only', async () => {
    const operator = await t.signIn('operator');
    const mine = (
      await t.app.inject({ url: '/api/v1/intake/recent', headers: { cookie: operator.cookie } })
    ).json() as {
      handovers: { reference: string; channel: string; recordedAt: string }[];
    };
    // The reports the tests above recorded, one per channel, newest first.
    expect(mine.handovers.map((h) => h.channel)).toEqual(CASES.map((c) => c.channel).reverse());
    expect(Object.keys(mine.handovers[0]!).sort()).toEqual(['channel', 'recordedAt', 'reference']);
    expect(mine.handovers[0]!.recordedAt).toBe(NOW.toISOString());
    // Another operator sees none of them; other roles have no such route.
    await addStaff(t.deps, 'operator2', 'operator');
    const other = await t.signIn('operator2');
    const theirs = await t.app.inject({ url: '/api/v1/intake/recent', headers: { cookie: other.cookie } });
    expect(theirs.json()).toEqual({ handovers: [] });
    const sup = await t.signIn('supervisor');
    expect((await t.app.inject({ url: '/api/v1/intake/recent', headers: { cookie: sup.cookie } })).statusCode).toBe(
      404,
    );
  });

  it('answers every mistake at once, by field, and stores nothing', async () => {
    const operator = await t.signIn('operator');
    const before = await t.deps.db.selectFrom('reports').select('id').execute();
    const res = await recordIntake(t, operator, {
      channel: 'referral',
      answers: { danger: 'no' },
      identity: { name: 'x'.repeat(5000) },
      facts: { receivedAt: '2027-01-01T00:00:00.000Z' },
    });
    expect(res.statusCode).toBe(422);
    const details = (res.json() as { error: { details: Record<string, string> } }).error.details;
    expect(Object.keys(details).sort()).toEqual(
      ['facts.receivedAt', 'facts.referringAuthority', 'identity.name', 'what_happened'].sort(),
    );
    expect(details['facts.receivedAt']).toBe('The time received is in the future. Please check the date and time.');
    expect(details['facts.referringAuthority']).toBe('Please enter which authority passed the report on.');
    const oral = await recordIntake(t, operator, { channel: 'phone', facts: { receivedAt: 'yesterday' } });
    expect((oral.json() as { error: { details: Record<string, string> } }).error.details).toEqual({
      'facts.receivedAt': 'Please enter the date and time the report was received.',
      'facts.recordingConsent': 'Please say whether the person agreed to a recording.',
    });
    const channel = await recordIntake(t, operator, { channel: 'web', facts: { receivedAt: RECEIVED } });
    expect((channel.json() as { error: { details: Record<string, string> } }).error.details).toEqual({
      channel: 'Please choose how the report was received.',
    });
    expect(await t.deps.db.selectFrom('reports').select('id').execute()).toEqual(before);
  });

  it('takes a letter with its scanned pages, cleaned like any file', async () => {
    const operator = await t.signIn('operator');
    const res = await recordIntake(t, operator, {
      channel: 'post',
      facts: { receivedAt: RECEIVED, transcription: 'See the scans.' },
      files: [
        { field: 'scans', filename: 'page-1.jpg', data: await makeOrientedJpeg(), type: 'image/jpeg' },
        { field: 'scans', filename: 'page-2.pdf', data: await makeMetadataPdf(), type: 'application/pdf' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const sup = await t.signIn('supervisor');
    const id = await caseIdOf(t, sup.cookie, (res.json() as { reference: string }).reference);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${id}`, headers: { cookie: sup.cookie } });
    const files = (detail.json() as { files: { name: string; cleaning: string }[] }).files;
    expect(files.map((f) => [f.name, f.cleaning])).toEqual([
      ['page-1.jpg', 'cleaned'],
      ['page-2.pdf', 'cleaned'],
    ]);
  });

  it('prints a letter with the receipt in groups and the follow-up address', async () => {
    const operator = await t.signIn('operator');
    const res = await recordIntake(t, operator, { channel: 'post', facts: { receivedAt: RECEIVED } });
    const { receipt } = res.json() as { receipt: string };
    const letter = await t.app.inject({
      method: 'POST',
      url: '/api/v1/intake/letter',
      headers: { cookie: operator.cookie, 'x-csrf-token': operator.csrf },
      payload: { receipt },
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.headers['cache-control']).toBe('no-store');
    const lines = await pdfLines(letter.rawPayload);
    expect(lines).toContain(receipt);
    expect(lines).toContain('http://127.0.0.1/follow-up');
    expect(lines).toContain('What to do next');
    // Only operators print letters.
    const sup = await t.signIn('supervisor');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/intake/letter',
      headers: { cookie: sup.cookie, 'x-csrf-token': sup.csrf },
      payload: { receipt },
    });
    expect(refused.statusCode).toBe(404);
  });

  it('is refused to every other role', async () => {
    for (const role of ['supervisor', 'handler', 'custodian', 'administrator', 'oversight']) {
      const res = await recordIntake(t, await t.signIn(role), { channel: 'phone', facts: { receivedAt: RECEIVED } });
      expect(res.statusCode, role).toBe(404);
    }
  });

  it('counts referrals in the statistics', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/statistics?from=2026-11-30&to=2026-12-06',
      headers: { cookie: (await t.signIn('administrator')).cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const weeks = (res.json() as { weekly: { byChannel: Record<string, number> }[] }).weekly;
    expect(weeks.at(-1)!.byChannel.referral).toBe(1);
  });
});
