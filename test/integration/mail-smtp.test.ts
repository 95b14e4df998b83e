/**
 * E-mail intake over a real SMTP conversation on loopback: nodemailer as the sending server, the SMTP receiver
 * (src/inbound/smtp.ts) on an ephemeral port. Each message becomes a sealed report, or gets the reply a mail server
 * acts on: 550 for another recipient, 552 over the size limit, 450 past the sender limit (it retries later).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';
import { caseOfReply, casesSeen, startIntake, textOf, type RunningIntake } from '../helpers/mail-intake.ts';
import { filesUnder, storedBytes } from '../helpers/marker-scan.ts';

/** A JPEG no decoder can read: its metadata cannot be removed. */
const brokenJpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), randomBytes(4000)]);

describe.each(DIALECTS)('e-mail over SMTP on %s', (dialect) => {
  let t: TestApp;
  let smtp: RunningIntake;
  const marker = `MRK${randomBytes(8).toString('hex')}`;
  beforeAll(async () => {
    t = await buildTestApp({ dialect });
    smtp = await startIntake(t, { maxBytes: 256 * 1024 });
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  it('makes a sealed report of a message: Subject and body in the text, attachments kept, 250 only once stored', async () => {
    const reply = await smtp.send({
      from: `"Name ${marker}" <${marker}@sender.example>`,
      subject: `Subject ${marker}`,
      text: `Seen ${marker} at the gate.`,
      messageId: `<${marker}@sender.example>`,
      attachments: [{ filename: `${marker}.txt`, content: `notes ${marker}\n` }],
    });
    expect(reply).toMatch(/^250 Report stored as R-[0-9A-F]{8}$/);
    const seen = await caseOfReply(t, reply);
    expect(seen.channel).toBe('email');
    expect(textOf(seen)).toBe(`Subject: Subject ${marker}\n\nSeen ${marker} at the gate.`);
    expect(seen.answers.find((a) => a.fieldId === 'danger')?.value).toBe('unsure');
    expect(seen.files.map((f) => [f.name, f.cleaning])).toEqual([[`${marker}.txt`, 'unchanged']]);
    // The sender is in the sealed identity, not in the answers the case's managers read.
    expect(JSON.stringify(seen.answers)).not.toContain(`${marker}@`);
  });

  it('makes one report of a message delivered twice (same Message-ID)', async () => {
    const mail = { from: 'twice@sender.example', subject: 'Twice', text: 'Delivered twice.', messageId: '<twice-1@x>' };
    const before = (await casesSeen(t)).length;
    expect(await smtp.send(mail)).toMatch(/^250 Report stored as /);
    expect(await smtp.send(mail)).toBe('250 Already received');
    expect((await casesSeen(t)).length).toBe(before + 1);
  });

  it('reduces an HTML-only body to text', async () => {
    const reply = await smtp.send({
      from: 'html@sender.example',
      subject: 'HTML',
      html: '<html><body><p>First <b>bold</b> line.</p><ul><li>one</li></ul><script>x()</script></body></html>',
    });
    const text = textOf(await caseOfReply(t, reply));
    expect(text).toBe('Subject: HTML\n\nFirst bold line.\n\n * one');
  });

  it('refuses mail for another address with 550 and keeps nothing', async () => {
    const before = (await casesSeen(t)).length;
    await expect(smtp.send({ to: 'someone@confide.test', from: 'a@b.example', text: 'x' })).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringContaining('takes reports only for its published address'),
    });
    expect((await casesSeen(t)).length).toBe(before);
  });

  it('refuses a message over the size limit with 552 and stores nothing of it', async () => {
    const before = (await casesSeen(t)).length;
    const blobs = filesUnder(`${t.dataDir}/blobs`).length;
    await expect(
      smtp.send({
        from: 'big@sender.example',
        text: 'big',
        attachments: [{ filename: 'big.bin', content: randomBytes(400_000) }],
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect((await casesSeen(t)).length).toBe(before);
    expect(filesUnder(`${t.dataDir}/blobs`).length).toBe(blobs);
  });

  it('makes a report of what can be read of a malformed MIME message', async () => {
    const raw = [
      'From: broken@sender.example',
      'To: report@confide.test',
      'Subject: Broken',
      'Message-ID: <broken-1@x>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="never-closed"',
      '',
      '--never-closed',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Readable part =E2=80=94 still here.=',
      '--never-closed',
      'Content-Type: application/octet-stream; name="junk.bin"',
      'Content-Transfer-Encoding: base64',
      '',
      '@@@ not base64 !!!',
    ].join('\r\n');
    const reply = await smtp.send({ envelope: { from: 'broken@sender.example', to: 'report@confide.test' }, raw });
    expect(reply).toMatch(/^250 Report stored as /);
    expect(textOf(await caseOfReply(t, reply))).toBe('Subject: Broken\n\nReadable part — still here.');
  });

  it('keeps an attachment that cannot be cleaned as a sealed original, and still makes the report', async () => {
    const reply = await smtp.send({
      from: 'photo@sender.example',
      text: 'A photo.',
      attachments: [{ filename: 'photo.jpg', content: brokenJpeg(), contentType: 'image/jpeg' }],
    });
    expect(reply).toMatch(/^250 Report stored as /);
    const [file] = (await caseOfReply(t, reply)).files;
    expect(file).toMatchObject({ name: 'photo.jpg', cleaning: 'failed' });
    expect(file!.note).toMatch(/the original is kept sealed\.$/);
  });

  it('finds the marker of subject, body, sender and attachment name nowhere at rest', () => {
    const needles = [marker, Buffer.from(marker).toString('hex'), Buffer.from(marker).toString('base64').slice(0, 16)];
    for (const b of storedBytes(t)) for (const n of needles) expect(b.includes(Buffer.from(n))).toBe(false);
  });
});

describe('e-mail bomb', () => {
  let t: TestApp;
  let smtp: RunningIntake;
  beforeAll(async () => {
    t = await buildTestApp();
    smtp = await startIntake(t, { senderLimit: { limit: 3, windowMs: 3_600_000 } });
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  it('refuses a sender temporarily (450) after the configured number of messages, and takes other senders', async () => {
    const from = 'flood@sender.example';
    for (let i = 0; i < 3; i++)
      expect(await smtp.send({ from, text: `message ${i}` }, `127.0.0.${10 + i}`)).toMatch(/^250 Report stored/);
    await expect(smtp.send({ from, text: 'one too many' }, '127.0.0.20')).rejects.toMatchObject({
      responseCode: 450,
      response: expect.stringContaining('Too many messages from this sender. Please try again later.'),
    });
    // The same client address counts too, whatever sender it gives.
    for (let i = 0; i < 3; i++) await smtp.send({ from: `other${i}@sender.example`, text: 'x' }, '127.0.0.30');
    await expect(smtp.send({ from: 'fresh@sender.example', text: 'x' }, '127.0.0.30')).rejects.toMatchObject({
      responseCode: 450,
    });
    expect(await smtp.send({ from: 'fresh@sender.example', text: 'x' }, '127.0.0.31')).toMatch(/^250 Report stored/);
    expect((await casesSeen(t)).length).toBe(7);
  });
});
