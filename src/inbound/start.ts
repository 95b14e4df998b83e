/**
 * What of the e-mail intake the configuration turns on: the SMTP receiver (CONFIDE_MAIL_SMTP_PORT) and the IMAP
 * polling job (CONFIDE_MAIL_IMAP_URL), with the mapping of a message to a report checked against the profile.
 * @throws MailSettingsError when either is on and the mapping does not fit the profile (start-up stops with the fix)
 */
import type { Deps } from '../domain/deps.ts';
import { resolveMailIntake, type ImapIntakeConfig, type MailIntakeConfig } from '../domain/email/mail-settings.ts';
import type { Job } from '../jobs/runner.ts';
import { imapIntakeJob } from './imap.ts';
import { createSmtpIntake, type IntakeLog, type SmtpIntake, type SmtpIntakeOptions } from './smtp.ts';

export interface MailIntakeSetup {
  mapping: MailIntakeConfig;
  smtp: Omit<SmtpIntakeOptions, 'senderLimit'> | null;
  senderLimit: SmtpIntakeOptions['senderLimit'];
  imap: ImapIntakeConfig | null;
}

export function setUpMailIntake(
  deps: Deps,
  setup: MailIntakeSetup,
  log: IntakeLog,
): { smtp: SmtpIntake | null; jobs: Job[] } {
  if (!setup.smtp && !setup.imap) return { smtp: null, jobs: [] };
  const settings = resolveMailIntake(deps.profile(), setup.mapping);
  if (settings.autoReply && !deps.mailer)
    log.warn({}, 'CONFIDE_MAIL_AUTO_REPLY is on but CONFIDE_SMTP_URL is not set: no auto-reply is sent');
  return {
    smtp: setup.smtp ? createSmtpIntake(deps, settings, { ...setup.smtp, senderLimit: setup.senderLimit }, log) : null,
    jobs: setup.imap ? [imapIntakeJob(deps, settings, setup.imap, log)] : [],
  };
}
