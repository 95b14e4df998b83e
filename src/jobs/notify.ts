/**
 * The notification job: mails each person with pending notices and an e-mail address at most once per
 * CONFIDE_NOTIFY_INTERVAL_MINUTES, everything pending in one "work is waiting" mail (counts and the workspace link
 * only; see src/mail/compose.ts) in the person's own language (Account page; English when none is chosen). After the server accepts a mail, its notices are marked sent together with the
 * person's `last_notified_at`, in one transaction; a refused or failed mail leaves them pending for the next run.
 * People without an address keep their notices pending: they see the work in the workspace.
 */
import type { Deps } from '../domain/deps.ts';
import { isLanguage } from '../i18n/languages.ts';
import { composeWorkWaiting } from '../mail/compose.ts';
import type { Mailer } from '../mail/mailer.ts';
import { MINUTE } from '../shared/time.ts';
import { listPendingNotices, listUsersDueNoticeMail, markNoticesSent, setUserLastNotified } from '../store/outbox.ts';
import { inTransaction } from '../store/transaction.ts';
import type { JobLog } from './runner.ts';

/** Most people mailed per run; the rest follow at the next run. */
const BATCH = 200;
/** Ids per UPDATE, well under SQLite's and PostgreSQL's limits on bound parameters. */
const CHUNK = 500;

type JobDeps = Pick<Deps, 'db' | 'now' | 'notify'>;

export interface NotifyRun {
  /** mails the server accepted */
  sent: number;
  /** mails that failed (their notices stay pending) */
  failed: number;
}

/** People who have pending notices, an address, and no mail within the interval. */
function due(deps: JobDeps, now: Date) {
  const since = new Date(now.getTime() - deps.notify.intervalMinutes * MINUTE).toISOString();
  return listUsersDueNoticeMail(deps.db, since, BATCH);
}

/**
 * One run with a mailer. Stops early when `signal` aborts, or when the server cannot be reached at all (no
 * `responseCode`), since every further mail would wait for the same timeout.
 */
export async function sendNotices(
  deps: JobDeps,
  mailer: Mailer,
  log: JobLog,
  signal?: AbortSignal,
): Promise<NotifyRun> {
  const run: NotifyRun = { sent: 0, failed: 0 };
  for (const user of await due(deps, deps.now())) {
    if (signal?.aborted) break;
    const pending = await listPendingNotices(deps.db, user.id);
    const counts: Record<string, number> = {};
    for (const n of pending) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
    try {
      const language = isLanguage(user.language) ? user.language : 'en';
      await mailer.send({ to: user.email!, ...composeWorkWaiting(counts, deps.notify.staffUrl, language) });
    } catch (error) {
      run.failed += 1;
      const code = (error as { responseCode?: unknown }).responseCode;
      log.warn({ user: user.id, responseCode: code, err: (error as Error).message }, 'notice mail failed; kept');
      if (typeof code !== 'number') break;
      continue;
    }
    const at = deps.now().toISOString();
    await inTransaction(deps.db, async (trx) => {
      for (let i = 0; i < pending.length; i += CHUNK)
        await markNoticesSent(
          trx,
          pending.slice(i, i + CHUNK).map((n) => n.id),
          at,
        );
      await setUserLastNotified(trx, user.id, at);
    });
    run.sent += 1;
  }
  return run;
}
