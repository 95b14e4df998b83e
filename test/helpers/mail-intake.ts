/**
 * E-mail intake in tests: the real SMTP receiver (src/inbound/smtp.ts) on an ephemeral loopback port, nodemailer as
 * the sending server, and the staff API to see what became of the messages.
 */
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { resolveMailIntake, type MailIntakeConfig } from '../../src/domain/email/mail-settings.ts';
import { createSmtpIntake, type SmtpIntakeOptions } from '../../src/inbound/smtp.ts';
import type { TestApp } from './app.ts';

export const INTAKE_ADDRESS = 'report@confide.test';

/** Reports go to "espionage", whose required "danger" question an e-mail cannot answer: fixed to "unsure". */
export const MAPPING: MailIntakeConfig = {
  categoryId: 'espionage',
  textField: undefined,
  answers: { danger: 'unsure' },
  nameField: undefined,
  addressField: undefined,
  autoReply: false,
};

export const quietLog = { info() {}, warn() {}, error() {} };

export interface RunningIntake {
  port: number;
  /**
   * Sends one message as a mail server would. `from` is the client's loopback address (127.0.0.x), so tests of the
   * per-address limit do not count each other's messages. @returns the server's final reply
   */
  send(mail: Mail.Options, from?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startIntake(
  t: TestApp,
  options: Partial<Omit<SmtpIntakeOptions, 'port' | 'host'>> & { mapping?: Partial<MailIntakeConfig> } = {},
): Promise<RunningIntake> {
  const settings = resolveMailIntake(t.deps.profile(), { ...MAPPING, ...options.mapping });
  const intake = createSmtpIntake(
    t.deps,
    settings,
    {
      port: 0,
      host: '127.0.0.1',
      recipients: options.recipients ?? [INTAKE_ADDRESS],
      maxBytes: options.maxBytes ?? 4 * 1024 * 1024,
      senderLimit: options.senderLimit ?? { limit: 100, windowMs: 3_600_000 },
    },
    quietLog,
  );
  const port = await intake.listen();
  return {
    port,
    async send(mail, from = '127.0.0.1') {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port, ignoreTLS: true, localAddress: from });
      try {
        return (await transport.sendMail({ to: INTAKE_ADDRESS, ...mail })).response;
      } finally {
        transport.close();
      }
    },
    close: () => intake.close(),
  };
}

/** The cases the supervisor sees, with their answers and files. */
export async function casesSeen(t: TestApp): Promise<CaseSeen[]> {
  const staff = await t.signIn('supervisor');
  const list = (
    await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie: staff.cookie } })
  ).json() as { items: { id: string }[] };
  return Promise.all(
    list.items.map(
      async (c) =>
        (
          await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: { cookie: staff.cookie } })
        ).json() as CaseSeen,
    ),
  );
}

export interface CaseSeen {
  id: string;
  reference: string;
  channel: string;
  answers: { fieldId: string; value: unknown }[];
  files: { name: string; type: string; cleaning: string; note: string | null }[];
}

/** The case of the report a "250 Report stored as R-…" reply names. */
export async function caseOfReply(t: TestApp, reply: string): Promise<CaseSeen> {
  const reference = /^250 Report stored as (R-[0-9A-F]{8})$/.exec(reply)?.[1];
  const found = (await casesSeen(t)).find((c) => c.reference === reference);
  if (!found) throw new Error(`no case for the reply "${reply}"`);
  return found;
}

/** The answer the e-mail's text went to. */
export const textOf = (c: CaseSeen) => String(c.answers.find((a) => a.fieldId === 'what_happened')?.value ?? '');
