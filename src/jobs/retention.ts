/**
 * The retention job. Each run, in order:
 * 1. reminds: a closed case whose retention ends within CONFIDE_RETENTION_REMINDER_DAYS (default 14) gets one
 *    'retention' notice to each manager holding it (supervisors; oversight officers for a complaint about an
 *    official), once (reports.retention_reminded_at);
 * 2. destroys closed cases whose retention has ended, once the notice period since their reminder has passed too,
 *    unless a legal hold stands — held cases are skipped and listed in the run (and the log); each case in a
 *    transaction of its own (src/domain/retention/destroy.ts), audited as 'case.destroy' by 'system' with reason 'retention';
 * 3. sweeps the file store of abandoned blobs (src/jobs/abandoned.ts), the safety net for step 2's blobs;
 * 4. scrubs the database files (SQLite: checkpoint; PostgreSQL: VACUUM when something was destroyed).
 * @see EU 2019/1937 Art. 17, 18; HinSchG §11(5)
 */
import { audit } from '../domain/audit/record.ts';
import type { Deps } from '../domain/deps.ts';
import {
  deleteBlobs,
  destroyCaseRows,
  lockReport,
  scrubStorage,
  type ScrubResult,
} from '../domain/retention/destroy.ts';
import { managerRole } from '../domain/approvals/kinds.ts';
import { queueNotices } from '../mail/outbox.ts';
import { DAY, HOUR } from '../shared/time.ts';
import {
  listActiveCaseHolders,
  listClosedDueDestruction,
  listClosedDueReminder,
  listClosedHeldPastRetention,
  markRetentionReminded,
} from '../store/retention.ts';
import { inTransaction } from '../store/transaction.ts';
import { sweepAbandonedBlobs } from './abandoned.ts';
import type { Job, JobLog } from './runner.ts';
import { categoryOf } from '../domain/categories.ts';

/** Cases handled per query; runs loop until none is left (or the runner stops). */
const BATCH = 100;
/** Most cases a dry run lists of each kind. */
const DRY_RUN_LIMIT = 10_000;

export interface RetentionRun {
  /** cases whose managers were reminded (dry run: would be) */
  reminded: string[];
  /** retention notices queued */
  notices: number;
  /** reminders with no active manager holding the case to tell */
  unreached: number;
  /** cases destroyed (dry run: would be) */
  destroyed: string[];
  /** cases past their retention that a legal hold keeps */
  held: string[];
  /** blobs of destroyed cases deleted, and those left to the sweep because deleting failed */
  blobs: { deleted: number; failed: number };
  /** unreferenced blobs older than the grace period removed (dry run: would be), and temporary files removed */
  abandoned: number;
  partials: number | null;
  storage: ScrubResult;
}

export interface RetentionOptions {
  /** Report what would happen; change nothing. */
  dryRun?: boolean;
  /** PostgreSQL: 'full' rewrites the case tables (VACUUM FULL) even when nothing was destroyed in this run. */
  vacuum?: 'full';
  /** Stops between cases when the runner shuts down. */
  signal?: AbortSignal;
}

type JobDeps = Pick<Deps, 'db' | 'dialect' | 'now' | 'profile' | 'blobs' | 'retention'>;

/** Closed cases due a reminder: not reminded, not held, retention ending within the notice period. */
function dueReminder(deps: JobDeps, now: Date, limit: number) {
  const endsBy = new Date(now.getTime() + deps.retention.reminderDays * DAY).toISOString();
  return listClosedDueReminder(deps.db, endsBy, limit);
}

/** Closed cases due destruction: retention ended, reminded at least the notice period ago, not held. */
function dueDestruction(deps: JobDeps, now: Date, limit: number) {
  const remindedBy = new Date(now.getTime() - deps.retention.reminderDays * DAY).toISOString();
  return listClosedDueDestruction(deps.db, now.toISOString(), remindedBy, limit);
}

async function remind(deps: JobDeps, cases: { id: string; category: string }[], run: RetentionRun): Promise<void> {
  const nowIso = deps.now().toISOString();
  await inTransaction(deps.db, async (trx) => {
    const holders = await listActiveCaseHolders(
      trx,
      cases.map((c) => c.id),
    );
    for (const c of cases) {
      if (!(await markRetentionReminded(trx, c.id, nowIso))) continue;
      const role = managerRole(categoryOf(deps, c.category));
      const users = holders.filter((h) => h.report_id === c.id && h.role === role).map((h) => h.id);
      await queueNotices(deps, trx, users, 'retention');
      await audit(deps, trx, {
        actor: 'system',
        action: 'retention.remind',
        subject: `report:${c.id}`,
        reason: `notices ${users.length}`,
      });
      run.reminded.push(c.id);
      run.notices += users.length;
      if (users.length === 0) run.unreached += 1;
    }
  });
}

/** Destroys one case if it is still due (a hold set or a reopening since the query wins). @returns whether it did */
async function destroy(deps: JobDeps, id: string, run: RetentionRun): Promise<boolean> {
  const now = deps.now();
  const rows = await inTransaction(deps.db, async (trx) => {
    const r = await lockReport(deps, trx, id);
    const noticeSince = new Date(now.getTime() - deps.retention.reminderDays * DAY).toISOString();
    if (
      !r ||
      r.status !== 'closed' ||
      r.legal_hold_at ||
      !r.retention_ends_at ||
      r.retention_ends_at > now.toISOString() ||
      !r.retention_reminded_at ||
      r.retention_reminded_at > noticeSince
    )
      return null;
    const destroyed = await destroyCaseRows(trx, r);
    await audit(deps, trx, { actor: 'system', action: 'case.destroy', subject: `report:${id}`, reason: 'retention' });
    return destroyed;
  });
  if (!rows) return false;
  const blobs = await deleteBlobs(deps, rows.blobIds);
  run.blobs.deleted += blobs.deleted;
  run.blobs.failed += blobs.failed;
  run.destroyed.push(id);
  return true;
}

/** One run of the retention job. @returns what it did (or, with dryRun, would do) */
export async function runRetention(deps: JobDeps, options: RetentionOptions = {}): Promise<RetentionRun> {
  const run: RetentionRun = {
    reminded: [],
    notices: 0,
    unreached: 0,
    destroyed: [],
    held: [],
    blobs: { deleted: 0, failed: 0 },
    abandoned: 0,
    partials: null,
    storage: {},
  };
  const stopped = () => options.signal?.aborted === true;
  const now = deps.now();

  if (options.dryRun) {
    run.reminded = (await dueReminder(deps, now, DRY_RUN_LIMIT)).map((c) => c.id);
    run.destroyed = (await dueDestruction(deps, now, DRY_RUN_LIMIT)).map((c) => c.id);
  } else {
    for (let batch = await dueReminder(deps, now, BATCH); batch.length > 0 && !stopped();) {
      await remind(deps, batch, run);
      batch = batch.length < BATCH ? [] : await dueReminder(deps, now, BATCH);
    }
    // A case that cannot be destroyed now (held or reopened meanwhile) is skipped, so the loop ends.
    const skipped = new Set<string>();
    for (;;) {
      const batch = (await dueDestruction(deps, now, BATCH + skipped.size)).filter((c) => !skipped.has(c.id));
      if (batch.length === 0 || stopped()) break;
      for (const c of batch) {
        if (stopped()) break;
        if (!(await destroy(deps, c.id, run))) skipped.add(c.id);
      }
    }
  }
  run.held = (await listClosedHeldPastRetention(deps.db, now.toISOString(), DRY_RUN_LIMIT)).map((c) => c.id);

  if (!stopped()) {
    const sweep = await sweepAbandonedBlobs(deps, options);
    run.abandoned = sweep.abandoned.length;
    run.partials = sweep.partials;
    if (!options.dryRun && run.abandoned + (run.partials ?? 0) > 0)
      await inTransaction(deps.db, (trx) =>
        audit(deps, trx, {
          actor: 'system',
          action: 'retention.sweep',
          reason: `abandoned blobs ${run.abandoned}, partial files ${run.partials ?? 0}`,
        }),
      );
  }
  if (!options.dryRun)
    run.storage = await scrubStorage(deps, {
      vacuum: options.vacuum ?? (run.destroyed.length > 0 ? 'plain' : undefined),
    });
  return run;
}

/** Retention is counted in days: hourly is prompt enough, and cheap when nothing is due. */
export const RETENTION_EVERY_MS = HOUR;

/** The periodic retention job (registered in index.ts): logs what it did, and every held case it skipped. */
export function retentionJob(deps: Deps, log: JobLog): Job {
  return {
    name: 'retention',
    intervalMs: RETENTION_EVERY_MS,
    async run(signal) {
      const run = await runRetention(deps, { signal });
      if (run.held.length > 0)
        log.info(
          { held: run.held.length, cases: run.held.slice(0, 100) },
          'cases past their retention kept: a legal hold stands on each',
        );
      if (run.reminded.length + run.destroyed.length + run.abandoned + (run.partials ?? 0) > 0)
        log.info(
          {
            reminded: run.reminded.length,
            notices: run.notices,
            unreached: run.unreached,
            destroyed: run.destroyed,
            blobs: run.blobs,
            abandoned: run.abandoned,
            partials: run.partials,
          },
          'retention: reminders sent, cases destroyed, abandoned uploads removed',
        );
      if (run.blobs.failed > 0)
        log.warn({ failed: run.blobs.failed }, 'blobs of destroyed cases not deleted; the next sweep removes them');
      if (run.storage.checkpointed === false)
        log.warn({}, 'SQLite write-ahead log not truncated (busy); the next run tries again');
    },
  };
}
