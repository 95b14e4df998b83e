/**
 * The SMTP receiver for reports (smtp-server), started by the server process when CONFIDE_MAIL_SMTP_PORT is set.
 * It takes mail only for the configured recipients (550 otherwise), no bigger than CONFIDE_MAIL_MAX_BYTES (SIZE is
 * advertised; more is answered 552 and nothing is kept), and no more than CONFIDE_MAIL_SENDER_LIMIT messages per
 * sender address or client address in the window (450: the sending server tries later). It answers 250 only once
 * the report is stored; a failure to store is answered 451, so the sending server keeps the message and retries —
 * nothing received is lost. A second delivery of a stored message is answered 250 and makes no report.
 * Logs carry outcomes and reasons only: never an address, a subject or a Message-ID.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Deps } from '../domain/deps.ts';
import { DomainError } from '../domain/errors.ts';
import { receiveMail } from '../domain/email/mail.ts';
import type { MailIntakeSettings } from '../domain/email/mail-settings.ts';
import { takeMailDelivery, type ThrottleRule } from '../domain/throttle.ts';

export interface SmtpIntakeOptions {
  port: number;
  host: string;
  /** lowercase addresses taken mail for */
  recipients: readonly string[];
  maxBytes: number;
  senderLimit: ThrottleRule;
}

export interface IntakeLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SmtpIntake {
  /** Listens; resolves with the port (useful with port 0). */
  listen(): Promise<number>;
  /** Stops taking connections and waits for the open ones to end. */
  close(): Promise<void>;
}

/** An SMTP refusal: `code` is the reply code the client gets, `message` its text. */
const reply = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export function createSmtpIntake(
  deps: Deps,
  settings: MailIntakeSettings,
  options: SmtpIntakeOptions,
  log: IntakeLog,
): SmtpIntake {
  const server = new SMTPServer({
    name: 'confide',
    banner: 'Confide report intake',
    size: options.maxBytes,
    disabledCommands: ['AUTH'],
    authOptional: true,
    logger: false,
    onMailFrom(address, session, done) {
      const senders = [address.address, session.remoteAddress].filter(Boolean);
      takeMailDelivery(deps, senders, options.senderLimit).then(
        () => done(),
        (error: unknown) => {
          if (error instanceof DomainError && error.kind === 'too_many') {
            log.warn({}, 'e-mail intake: a sender is over its message limit (450)');
            return done(reply(450, 'Too many messages from this sender. Please try again later.'));
          }
          log.error({ err: error }, 'e-mail intake: the sender limit could not be checked (451)');
          done(reply(451, 'The report channel cannot take mail at the moment. Please try again later.'));
        },
      );
    },
    onRcptTo(address, _session, done) {
      if (options.recipients.includes(address.address.trim().toLowerCase())) return done();
      done(reply(550, 'No such mailbox here: this server takes reports only for its published address.'));
    },
    onData(stream, session, done) {
      void take(stream, session).then(
        (text) => done(null, text),
        (error: Error) => done(error),
      );
    },
  });

  async function take(stream: SMTPServerDataStream, _session: SMTPServerSession): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) if (!stream.sizeExceeded) chunks.push(chunk);
    if (stream.sizeExceeded) {
      log.warn({ limit: options.maxBytes }, 'e-mail intake: a message over the size limit was refused (552)');
      throw reply(552, `The message is larger than the limit of ${options.maxBytes} bytes. Nothing was kept.`);
    }
    try {
      const outcome = await receiveMail(deps, settings, Buffer.concat(chunks), log);
      if (outcome.status === 'duplicate') {
        log.info({}, 'e-mail intake: a message already received was delivered again (no new report)');
        return 'Already received';
      }
      log.info({ autoReplied: outcome.autoReplied }, 'e-mail intake: report stored');
      return `Report stored as ${outcome.reference}`;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'too_large') {
        // The message names the file: not logged.
        log.warn({ id: error.id }, 'e-mail intake: a message was refused (552)');
        throw reply(552, `${error.message} Nothing was kept.`);
      }
      log.error({ err: error }, 'e-mail intake: a message could not be stored (451, the sender retries)');
      throw reply(451, 'The report could not be stored just now. Your mail server will try again.');
    }
  }

  return {
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          server.off('error', reject);
          server.on('error', (error: Error) => log.warn({ err: error.message }, 'e-mail intake: connection error'));
          resolve((server.server.address() as AddressInfo).port);
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
