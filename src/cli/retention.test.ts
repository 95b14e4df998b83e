/** `npx confide retention run` as an administrator runs it: a real process on a real data folder. */
import { beforeAll, describe, expect, it } from 'vitest';
import { cliOnFreshData } from '../../test/helpers/cli.ts';
import { insertReport } from '../../test/helpers/report-rows.ts';
import { loadConfig } from '../server/core/config.ts';
import { buildDeps } from '../server/deps.ts';

const DAY = 86_400_000;

describe('npx confide retention run', () => {
  const { run: confide, config } = cliOnFreshData('confide-cli-retention-', { CONFIDE_LOG_LEVEL: 'silent' });
  const database = () => `Database: SQLite ${config().CONFIDE_DATA_DIR}/confide.sqlite\n`;
  const ids: Record<'due' | 'held' | 'soon', string> = { due: '', held: '', soon: '' };

  beforeAll(async () => {
    const { deps, close } = await buildDeps(loadConfig(config()));
    try {
      const now = Date.now();
      const closed = {
        status: 'closed',
        outcome: 'unsubstantiated',
        retention_ends_at: new Date(now - DAY).toISOString(),
        retention_reminded_at: new Date(now - 20 * DAY).toISOString(),
      };
      ids.due = await insertReport(deps.db, closed);
      ids.held = await insertReport(deps.db, { ...closed, legal_hold_at: new Date(now - 30 * DAY).toISOString() });
      ids.soon = await insertReport(deps.db, {
        ...closed,
        retention_ends_at: new Date(now + 3 * DAY).toISOString(),
        retention_reminded_at: null,
      });
    } finally {
      await close();
    }
  });

  it('prints its help and is listed', () => {
    expect(confide(['--help']).out).toContain('  retention run  Remind, destroy cases past their retention');
    const help = confide(['retention', 'run', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: npx confide retention run \[--dry-run\] \[--vacuum-full\]\n/);
  });

  it('says what it would do in a dry run and changes nothing', () => {
    const dry = confide(['retention', 'run', '--dry-run']);
    expect(dry).toEqual({
      code: 0,
      err: database(),
      out: [
        'Dry run: nothing was changed.',
        `Would remind the managers of 1 case: ${ids.soon}`,
        `Would destroy 1 case: ${ids.due}`,
        `Kept on legal hold past their retention: 1 case: ${ids.held}`,
        '',
      ].join('\n'),
    });
    expect(confide(['retention', 'run', '--dry-run', '--vacuum-full'])).toMatchObject({
      code: 2,
      err: '--vacuum-full changes the database, so it cannot be combined with --dry-run.\n',
    });
  });

  it('reminds, destroys and keeps held cases, then has nothing left to do', () => {
    expect(confide(['retention', 'run'])).toEqual({
      code: 0,
      err: database(),
      out: [
        `Reminded 1 case (0 notices; 1 with no manager holding it): ${ids.soon}`,
        `Destroyed 1 case (0 files deleted): ${ids.due}`,
        `Kept on legal hold past their retention: 1 case: ${ids.held}`,
        '',
      ].join('\n'),
    });
    expect(confide(['retention', 'run'])).toEqual({
      code: 0,
      err: database(),
      out: `Kept on legal hold past their retention: 1 case: ${ids.held}\n`,
    });
  });
});
