/**
 * Sending staff mail over SMTP with nodemailer. The connection URL comes from CONFIDE_SMTP_URL:
 * `smtp://user:pass@host:587` (STARTTLS when the server offers it), `smtps://…:465` (TLS from the start); nodemailer
 * options may follow as query parameters, e.g. `?requireTLS=true` to refuse a server without STARTTLS,
 * `?ignoreTLS=true` for a local relay without it.
 */
import { mailFailures } from '../metrics/index.ts';
import nodemailer from 'nodemailer';

export interface Mail {
  /** one address */
  to: string;
  subject: string;
  /** plain text */
  text: string;
}

export interface Mailer {
  /**
   * Hands one mail to the server.
   * @throws Error when it is not accepted; `responseCode` (a number) is set when the server answered with a
   * refusal, and missing when it could not be reached at all
   */
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** Timeouts short enough that an unreachable server cannot stall a job run for minutes (ms). */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/**
 * @param url smtp:// or smtps:// URL, credentials included; never logged
 * @param from sender, e.g. `Confide <confide@report.example>`
 */
export function createSmtpMailer(url: string, from: string): Mailer {
  // Options in the URL's query win over these defaults (nodemailer merges them that way).
  const transport = nodemailer.createTransport({ url, ...TIMEOUTS }, { from });
  return {
    async send(mail) {
      await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text }).catch((error: unknown) => {
        mailFailures.inc();
        throw error;
      });
    },
    close: () => transport.close(),
  };
}
