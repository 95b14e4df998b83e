import { runRetention, type RetentionRun } from '../../jobs/retention.ts';
import type { Command, Io } from './command.ts';
import { withDeps } from './context.ts';

const cases = (n: number) => `${n} case${n === 1 ? '' : 's'}`;
const list = (ids: string[]) => (ids.length > 0 ? `: ${ids.join(', ')}` : '');

export const retentionRun: Command = {
  name: 'retention run',
  summary: 'Remind, destroy cases past their retention, remove abandoned uploads (once)',
  help: `Usage: npx confide retention run [--dry-run] [--vacuum-full]

Runs the retention job once, as the server does every hour:
  1. reminds the supervisors (oversight officers, for complaints) holding a closed case whose retention ends
     within CONFIDE_RETENTION_REMINDER_DAYS (default 14);
  2. destroys closed cases whose retention has ended, once that notice has run since their reminder: every row,
     every file and every grant. Cases on legal hold are kept, and listed;
  3. removes blobs that no file references, older than CONFIDE_UPLOAD_GRACE_HOURS (default 24), and partial
     uploads left by a crash;
  4. scrubs the database: SQLite checkpoints its write-ahead log; PostgreSQL vacuums the case tables when a case
     was destroyed.
Prints the case ids it reminded, destroyed and kept. Safe beside a running server.

Options:
  --dry-run      say what would be done; change nothing
  --vacuum-full  PostgreSQL: rewrite the case tables (VACUUM FULL) so that no byte of a destroyed case stays in
                 the live data files. It locks each table while it runs: use a maintenance window.`,
  options: { 'dry-run': { type: 'boolean' }, 'vacuum-full': { type: 'boolean' } },
  async run(values, positionals, io) {
    if (positionals.length > 0) {
      io.err.write(`Unexpected argument "${positionals[0]}".\n\n${this.help}\n`);
      return 2;
    }
    const dryRun = values['dry-run'] === true;
    if (dryRun && values['vacuum-full']) {
      io.err.write('--vacuum-full changes the database, so it cannot be combined with --dry-run.\n');
      return 2;
    }
    const run = await withDeps(io, (deps) =>
      runRetention(deps, { dryRun, ...(values['vacuum-full'] ? { vacuum: 'full' } : {}) }),
    );
    print(run, dryRun, io);
    return 0;
  },
};

function print(run: RetentionRun, dryRun: boolean, io: Io): void {
  const lines: string[] = [];
  const would = (done: string, planned: string) => (dryRun ? planned : done);
  if (dryRun) lines.push('Dry run: nothing was changed.');
  if (run.reminded.length > 0)
    lines.push(
      `${would('Reminded', 'Would remind the managers of')} ${cases(run.reminded.length)}${dryRun ? '' : ` (${run.notices} notices${run.unreached ? `; ${run.unreached} with no manager holding it` : ''})`}${list(run.reminded)}`,
    );
  if (run.destroyed.length > 0)
    lines.push(
      `${would('Destroyed', 'Would destroy')} ${cases(run.destroyed.length)}${dryRun ? '' : ` (${run.blobs.deleted} files deleted)`}${list(run.destroyed)}`,
    );
  if (run.held.length > 0)
    lines.push(`Kept on legal hold past their retention: ${cases(run.held.length)}${list(run.held)}`);
  if (run.abandoned + (run.partials ?? 0) > 0)
    lines.push(
      `${would('Removed', 'Would remove')} ${run.abandoned} abandoned upload blob${run.abandoned === 1 ? '' : 's'}${run.partials ? ` and ${run.partials} partial upload file${run.partials === 1 ? '' : 's'}` : ''}.`,
    );
  if (lines.length === (dryRun ? 1 : 0))
    lines.push('Nothing to do: no case is due a reminder or destruction, and no upload was abandoned.');
  if (run.storage.vacuumed) lines.push(`PostgreSQL: the case tables were vacuumed (${run.storage.vacuumed}).`);
  io.out.write(`${lines.join('\n')}\n`);
  if (run.blobs.failed > 0)
    io.err.write(`${run.blobs.failed} files of destroyed cases could not be deleted now; the next run removes them.\n`);
  if (run.storage.checkpointed === false)
    io.err.write('SQLite: the write-ahead log could not be emptied (in use); the next run tries again.\n');
}
