/**
 * Polling a mailbox for reports (imapflow), for deployments that keep their own mail server: a leased job
 * (src/jobs/runner.ts), so one node at a time takes the mailbox. Each unseen message becomes a report
 * (src/domain/email/mail.ts); only once it is stored is the message marked \Seen and deleted or moved
 * (CONFIDE_MAIL_IMAP_AFTER). A message that fails stays unseen in the mailbox and is tried again at the next poll;
 * a message delivered twice (same Message-ID) makes one report either way. Logs carry counts, never content.
 */
import { ImapFlow } from 'imapflow';
import type { Deps } from '../domain/deps.ts';
import { receiveMail } from '../domain/email/mail.ts';
import type { ImapIntakeConfig, MailIntakeSettings } from '../domain/email/mail-settings.ts';
import type { Job, JobLog } from '../jobs/runner.ts';

export const IMAP_JOB = 'mail-imap';

export interface ImapRun {
  stored: number;
  duplicates: number;
  failed: number;
}

/** One poll: every unseen message of the mailbox, in order, until `signal` aborts. */
export async function pollMailbox(
  deps: Deps,
  settings: MailIntakeSettings,
  imap: ImapIntakeConfig,
  log: JobLog,
  signal?: AbortSignal,
): Promise<ImapRun> {
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    auth: { user: imap.user, pass: imap.pass },
    logger: false,
    // A plain imap:// server is asked for STARTTLS when it offers it; a local test server has a self-signed one.
    tls: { rejectUnauthorized: imap.secure },
  });
  const run: ImapRun = { stored: 0, duplicates: 0, failed: 0 };
  await client.connect();
  try {
    const lock = await client.getMailboxLock(imap.mailbox);
    try {
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids) {
        if (signal?.aborted) break;
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        try {
          const outcome = await receiveMail(deps, settings, message.source, log);
          run[outcome.status === 'stored' ? 'stored' : 'duplicates']++;
        } catch (error) {
          run.failed++;
          log.error({ err: error }, 'e-mail intake (IMAP): a message could not be stored; it stays for the next poll');
          continue;
        }
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
        if ('delete' in imap.after) await client.messageDelete(String(uid), { uid: true });
        else await client.messageMove(String(uid), imap.after.moveTo, { uid: true });
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
  return run;
}

/** The leased polling job. */
export function imapIntakeJob(deps: Deps, settings: MailIntakeSettings, imap: ImapIntakeConfig, log: JobLog): Job {
  return {
    name: IMAP_JOB,
    intervalMs: imap.intervalMs,
    async run(signal) {
      const run = await pollMailbox(deps, settings, imap, log, signal);
      if (run.stored + run.duplicates + run.failed > 0) log.info({ ...run }, 'e-mail intake (IMAP): mailbox polled');
    },
  };
}
