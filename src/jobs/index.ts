/**
 * The periodic jobs every node runs (each under its lease, so one node at a time does the work): deadlines every
 * 5 minutes, staff notices every minute (each person still gets at most one mail per notify interval), ended
 * sessions removed every 5 minutes, retention hourly (src/jobs/retention.ts).
 */
import type { Deps } from '../domain/deps.ts';
import { checkDeadlines } from './deadlines.ts';
import { sendNotices } from './notify.ts';
import { retentionJob } from './retention.ts';
import { deleteEndedSessions } from '../domain/accounts/sessions.ts';
import { MINUTE } from '../shared/time.ts';
import { createJobRunner, type Job, type JobLog, type JobRunner } from './runner.ts';

export const DEADLINES_EVERY_MS = 5 * MINUTE;
export const NOTICES_EVERY_MS = MINUTE;
export const SESSIONS_EVERY_MS = 5 * MINUTE;

/** Removes sessions that ended (idle or at their cap) and were not looked up since, with the keys they held. */
export function sessionsJob(deps: Deps, log: JobLog): Job {
  return {
    name: 'sessions',
    intervalMs: SESSIONS_EVERY_MS,
    async run() {
      const removed = await deleteEndedSessions(deps);
      if (removed > 0) log.info({ removed }, 'ended sessions removed');
    },
  };
}

export function deadlinesJob(deps: Deps, log: JobLog): Job {
  return {
    name: 'deadlines',
    intervalMs: DEADLINES_EVERY_MS,
    async run() {
      const run = await checkDeadlines(deps);
      if (run.reminders + run.escalations > 0) log.info({ ...run }, 'deadline reminders and escalations queued');
    },
  };
}

/** Without a mailer (CONFIDE_SMTP_URL unset) notices stay queued, and the first run says so once. */
export function noticesJob(deps: Deps, log: JobLog): Job {
  let warned = false;
  return {
    name: 'notices',
    intervalMs: NOTICES_EVERY_MS,
    async run(signal) {
      if (!deps.mailer) {
        if (!warned) log.warn({}, 'CONFIDE_SMTP_URL is not set: staff notices stay queued and are not mailed');
        warned = true;
        return;
      }
      const run = await sendNotices(deps, deps.mailer, log, signal);
      if (run.sent + run.failed > 0) log.info({ ...run }, 'staff notice mails');
    },
  };
}

/**
 * The runner with every periodic job, and `extra` ones the configuration turns on (IMAP polling, src/inbound);
 * main.ts starts it after listening and stops it first on shutdown.
 */
export function createJobs(deps: Deps, log: JobLog, extra: readonly Job[] = []): JobRunner {
  return createJobRunner(
    deps,
    [deadlinesJob(deps, log), noticesJob(deps, log), sessionsJob(deps, log), retentionJob(deps, log), ...extra],
    log,
  );
}
