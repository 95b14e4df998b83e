/**
 * E-mail intake by IMAP polling against a real IMAP server (dovecot, test/helpers/dovecot.ts): messages put in the
 * mailbox with APPEND become sealed reports through the leased polling job, and are marked \Seen and moved (or
 * deleted) only then. Runs whenever dovecot is installed; required when CI=true.
 */
import { randomBytes } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveMailIntake, type ImapIntakeConfig } from '../../src/domain/email/mail-settings.ts';
import { IMAP_JOB, imapIntakeJob } from '../../src/inbound/imap.ts';
import { createJobRunner } from '../../src/jobs/runner.ts';
import { buildTestApp, type TestApp } from '../helpers/app.ts';
import { DIALECTS } from '../helpers/db.ts';
import { dovecotBinary, startDovecot, type TestImapServer } from '../helpers/dovecot.ts';
import { casesSeen, MAPPING, quietLog, textOf } from '../helpers/mail-intake.ts';
import { storedBytes } from '../helpers/marker-scan.ts';

const dovecot = dovecotBinary();

const message = (options: ConstructorParameters<typeof MailComposer>[0]) => new MailComposer(options).compile().build();

describe.runIf(dovecot).each(DIALECTS)('e-mail by IMAP polling on %s', (dialect) => {
  let t: TestApp;
  let imap: TestImapServer;
  let client: ImapFlow;
  const marker = `MRK${randomBytes(8).toString('hex')}`;
  beforeAll(async () => {
    imap = await startDovecot(dovecot!);
    t = await buildTestApp({ dialect });
    client = new ImapFlow({
      host: '127.0.0.1',
      port: imap.port,
      secure: false,
      auth: { user: imap.user, pass: imap.pass },
      logger: false,
    });
    await client.connect();
  });
  afterAll(async () => {
    await client?.logout();
    await t?.close();
    await imap?.stop();
  });

  const poll = async (after: ImapIntakeConfig['after']) => {
    const settings = resolveMailIntake(t.deps.profile(), MAPPING);
    const config: ImapIntakeConfig = {
      host: '127.0.0.1',
      port: imap.port,
      secure: false,
      user: imap.user,
      pass: imap.pass,
      mailbox: 'INBOX',
      after,
      intervalMs: 60_000,
    };
    // One node: its lease, kept until the next interval, is its own to take again.
    const runner = createJobRunner(t.deps, [imapIntakeJob(t.deps, settings, config, quietLog)], quietLog, {
      holder: 'test-node',
    });
    try {
      expect(await runner.runNow(IMAP_JOB)).toBe(true);
    } finally {
      await runner.stop();
    }
  };
  const uidsIn = async (mailbox: string, query: { seen?: boolean } = {}) => {
    const lock = await client.getMailboxLock(mailbox);
    try {
      await client.noop(); // take in what the poller changed meanwhile
      return (await client.search({ all: true, ...query }, { uid: true })) || [];
    } finally {
      lock.release();
    }
  };

  it('makes a sealed report of each message appended, once per Message-ID, then marks it seen and moves it', async () => {
    const raw = await message({
      from: `"Name ${marker}" <${marker}@sender.example>`,
      to: 'report@confide.test',
      subject: `Subject ${marker}`,
      text: `Seen ${marker} at the gate.`,
      messageId: `<${marker}@sender.example>`,
      attachments: [{ filename: `${marker}.txt`, content: `notes ${marker}\n` }],
    });
    // Delivered twice, as a mail server may after a lost acknowledgement.
    await client.append('INBOX', raw);
    await client.append('INBOX', raw);
    expect(await uidsIn('INBOX', { seen: false })).toHaveLength(2);

    await poll({ moveTo: 'Archive' });

    const cases = await casesSeen(t);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.channel).toBe('email');
    expect(textOf(cases[0]!)).toBe(`Subject: Subject ${marker}\n\nSeen ${marker} at the gate.`);
    expect(cases[0]!.files.map((f) => f.name)).toEqual([`${marker}.txt`]);
    expect(await uidsIn('INBOX')).toEqual([]);
    expect(await uidsIn('Archive', { seen: true })).toHaveLength(2);
  });

  it('deletes a message once its report is stored, when so configured', async () => {
    await client.append('INBOX', await message({ from: 'b@sender.example', subject: 'Second', text: 'Second one.' }));
    await poll({ delete: true });
    expect((await casesSeen(t)).length).toBe(2);
    expect(await uidsIn('INBOX')).toEqual([]);
    expect(await uidsIn('Archive')).toHaveLength(2);
  });

  it('finds the marker of subject, body, sender and attachment name nowhere at rest', () => {
    const needles = [marker, Buffer.from(marker).toString('hex'), Buffer.from(marker).toString('base64').slice(0, 16)];
    for (const b of storedBytes(t)) for (const n of needles) expect(b.includes(Buffer.from(n))).toBe(false);
  });
});
