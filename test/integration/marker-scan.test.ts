/**
 * Sealed at rest: reports carrying a unique marker in answers, identity, messages, file names and file bytes
 * leave no trace of it in any byte of the database (SQLite files, or a pg_dump of PostgreSQL) or the file store.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';
import { filesUnder, needles, storedBytes, submitMarkedReport } from '../helpers/marker-scan.ts';
import { submitCase } from '../helpers/cases.ts';
import { reporterPages } from '../helpers/public-pages.ts';
import { AUDIO, postMinutes, postTranscriptForm } from '../helpers/transcripts.ts';
import { recordIntake } from '../helpers/intake.ts';
import { multipart } from '../helpers/multipart.ts';

describe.each(DIALECTS)('marker scan on %s', (dialect) => {
  let t: TestApp;
  const marker = `MRK${randomBytes(8).toString('hex')}`;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
  });
  afterAll(async () => t?.close());

  it('finds the marker nowhere at rest', async () => {
    await submitMarkedReport(t, marker, Buffer.concat([randomBytes(100), Buffer.from(marker), randomBytes(100)]));
    const staff = await t.signIn('supervisor');
    const { items } = (
      await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie: staff.cookie } })
    ).json() as { items: { id: string }[] };
    const h = { cookie: staff.cookie, 'x-csrf-token': staff.csrf };
    for (const visibility of ['reporter', 'internal'])
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/v1/cases/${items[0]!.id}/messages`,
            headers: h,
            payload: { body: `${visibility} ${marker}`, visibility },
          })
        ).statusCode,
      ).toBe(201);
    // a reply to the reporter with a file whose name holds the marker
    const form = await multipart([
      { name: 'body', value: 'A file for you.' },
      { name: 'files', value: Buffer.from('plain notes'), filename: `${marker}.txt`, type: 'text/plain' },
    ]);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/cases/${items[0]!.id}/replies`,
          payload: form.payload,
          headers: { ...h, ...form.headers },
        })
      ).statusCode,
    ).toBe(201);
    // the marker is really there, readable to the supervisor
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${items[0]!.id}`,
      headers: { cookie: staff.cookie },
    });
    expect(detail.body.split(marker).length - 1).toBe(8);

    const blobs = storedBytes(t);
    if (dialect === 'sqlite') expect(filesUnder(t.dataDir).some((f) => f.endsWith('confide.sqlite'))).toBe(true);
    const scanned = blobs.reduce((n, b) => n + b.length, 0);
    expect(scanned).toBeGreaterThan(10_000);
    for (const needle of needles(marker)) for (const b of blobs) expect(b.includes(needle)).toBe(false);
  });

  it('finds the marker of a transcript and of its correction nowhere at rest', async () => {
    const mark = `TRN${randomBytes(8).toString('hex')}`;
    const { id, receipt } = await submitCase(t);
    const staff = await t.signIn('supervisor');
    const added = await postMinutes(
      t,
      staff,
      id,
      { kind: 'transcript', text: `The caller said ${mark}.`, recordingConsent: true },
      { data: Buffer.concat([AUDIO, Buffer.from(mark)]), type: 'audio/mpeg' },
    );
    expect(added.statusCode).toBe(201);
    const reporter = await reporterPages(() => t).signIn(receipt);
    const corrected = await postTranscriptForm(
      t,
      reporter,
      (added.json() as { id: string }).id,
      'correct',
      `Not ${mark}`,
    );
    expect(corrected.statusCode).toBe(303);
    // the marker is really there, readable to the supervisor in the text and the correction
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${id}/transcripts`,
      headers: { cookie: staff.cookie },
    });
    expect(read.body.split(mark).length - 1).toBe(2);

    for (const needle of needles(mark)) for (const b of storedBytes(t)) expect(b.includes(needle)).toBe(false);
  });

  it('finds an operator’s channel facts and contact-back nowhere at rest', async () => {
    const mark = `OPM${randomBytes(8).toString('hex')}`;
    const operator = await t.signIn('operator');
    const at = new Date().toISOString();
    const recorded = [
      await recordIntake(t, operator, {
        channel: 'phone',
        answers: { what_happened: `call ${mark}`, danger: 'no' },
        facts: { receivedAt: at, recordingConsent: 'agreed', minutes: `minutes ${mark}`, contactBack: `tel ${mark}` },
        files: [
          {
            field: 'files',
            filename: `${mark}.txt`,
            data: Buffer.from(`recording note ${mark}\n`),
            type: 'text/plain',
          },
        ],
      }),
      await recordIntake(t, operator, {
        channel: 'referral',
        facts: { receivedAt: at, referringAuthority: `Authority ${mark}`, referralReference: `ref ${mark}` },
      }),
      await recordIntake(t, operator, {
        channel: 'post',
        facts: { receivedAt: at, transcription: `letter ${mark}`, contactBack: `address ${mark}` },
      }),
    ];
    expect(recorded.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    // the marker is really there, readable to the supervisor (the contact-back only with the identity, not here)
    const staff = await t.signIn('supervisor');
    const { items } = (
      await t.app.inject({ method: 'GET', url: '/api/v1/cases?limit=200', headers: { cookie: staff.cookie } })
    ).json() as { items: { id: string; reference: string }[] };
    const refs = recorded.map((r) => (r.json() as { reference: string }).reference);
    let seen = 0;
    for (const item of items.filter((i) => refs.includes(i.reference))) {
      const detail = await t.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${item.id}`,
        headers: { cookie: staff.cookie },
      });
      seen += detail.body.split(mark).length - 1;
      const transcripts = await t.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${item.id}/transcripts`,
        headers: { cookie: staff.cookie },
      });
      seen += transcripts.body.split(mark).length - 1;
    }
    // answer, minutes (a transcript), file name; authority, reference; transcription
    expect(seen).toBe(6);

    const blobs = storedBytes(t);
    for (const needle of needles(mark)) for (const b of blobs) expect(b.includes(needle)).toBe(false);
  });
});
