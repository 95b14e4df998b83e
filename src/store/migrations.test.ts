/** The migrations run up, down and up again on every available database, leaving the same schema. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createPgDatabase, DIALECTS } from '../../test/helpers/db.ts';
import { migrateDownAll, migrateToLatest, openDatabase, type OpenDatabase } from './database.ts';

async function tables(o: OpenDatabase): Promise<string[]> {
  const rows =
    o.dialect === 'postgres'
      ? await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%'`.execute(
          o.db,
        )
      : await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%'`.execute(
          o.db,
        );
  return rows.rows.map((r) => r.name).sort();
}

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  it('go up, down and up again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-mig-'));
    const pg = dialect === 'postgres' ? await createPgDatabase() : null;
    const o = openDatabase({ url: pg?.url, sqliteFile: path.join(dir, 'm.sqlite') });
    try {
      expect(await migrateToLatest(o.db)).toEqual([
        '0001_initial',
        '0002_case_handling',
        '0003_status_queue',
        '0004_due_process',
        '0005_accounts',
        '0007_files',
      ]);
      const first = await tables(o);
      expect(first).toEqual([
        'actions',
        'audit',
        'case_events',
        'case_labels',
        'certificates',
        'exclusions',
        'files',
        'grants',
        'identity_statements',
        'job_leases',
        'links',
        'messages',
        'notifications',
        'protection_requests',
        'receipt_displays',
        'reminders',
        'reports',
        'request_keys',
        'requests',
        'sessions',
        'settings',
        'throttle',
        'users',
      ]);
      await migrateDownAll(o.db);
      expect(await tables(o)).toEqual([]);
      expect(await migrateToLatest(o.db)).toEqual([
        '0001_initial',
        '0002_case_handling',
        '0003_status_queue',
        '0004_due_process',
        '0005_accounts',
        '0007_files',
      ]);
      expect(await tables(o)).toEqual(first);
      expect(await migrateToLatest(o.db)).toEqual([]);
    } finally {
      await o.close();
      await pg?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
