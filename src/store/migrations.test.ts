/** The migrations run up, down and up again on every available database, leaving the same schema. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createPgDatabase, DIALECTS } from '../../test/helpers/db.ts';
import { insertReport } from '../../test/helpers/report-rows.ts';
import { migrateDownAll, migrateToLatest, openDatabase, type OpenDatabase } from './database.ts';
import { migrationProvider } from './migrations/index.ts';
import committed from './migrations.checksums.json' with { type: 'json' };

const FROZEN =
  'migrations are frozen once committed: make a new numbered migration (src/store/migrations/NNNN_what.ts, ' +
  'registered in migrations/index.ts) instead of editing this one, and append its name and sha256 to ' +
  'src/store/migrations.checksums.json (docs/ARCHITECTURE.md, "Changing the schema")';

describe('committed migrations', () => {
  it('keep their contents: each file has the checksum recorded when it was committed', async () => {
    const dir = path.join(import.meta.dirname, 'migrations');
    const names = Object.keys(await migrationProvider.getMigrations());
    const sums = names.map((name) => ({
      name,
      sha256: createHash('sha256')
        .update(fs.readFileSync(path.join(dir, `${name}.ts`)))
        .digest('hex'),
    }));
    for (const [i, entry] of committed.entries())
      expect(sums[i], `${entry.name}.ts changed or moved: ${FROZEN}`).toEqual(entry);
    expect(names, `a migration is not in the checksum list: ${FROZEN}`).toEqual(committed.map((c) => c.name));
    const files = fs.readdirSync(dir).filter((f) => f !== 'index.ts');
    expect(files.sort(), 'every file in src/store/migrations is registered in migrations/index.ts').toEqual(
      names.map((n) => `${n}.ts`),
    );
  });
});

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
        '0006_case_access',
        '0007_files',
        '0008_backfill_edited',
        '0009_operator_intake',
        '0010_reply_files_unread',
        '0011_mail_intake',
        '0012_transcripts',
        '0013_user_language',
        '0014_administration',
      ]);
      const first = await tables(o);
      expect(first).toEqual([
        'actions',
        'admin_changes',
        'audit',
        'case_events',
        'case_labels',
        'case_reads',
        'certificates',
        'exclusions',
        'files',
        'grants',
        'identity_statements',
        'job_leases',
        'links',
        'mail_messages',
        'messages',
        'notifications',
        'original_keys',
        'profile_drafts',
        'profile_versions',
        'protection_requests',
        'receipt_displays',
        'reminders',
        'reports',
        'request_keys',
        'requests',
        'sessions',
        'settings',
        'throttle',
        'transcript_corrections',
        'transcripts',
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
        '0006_case_access',
        '0007_files',
        '0008_backfill_edited',
        '0009_operator_intake',
        '0010_reply_files_unread',
        '0011_mail_intake',
        '0012_transcripts',
        '0013_user_language',
        '0014_administration',
      ]);
      expect(await tables(o)).toEqual(first);
      expect(await migrateToLatest(o.db)).toEqual([]);
    } finally {
      await o.close();
      await pg?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('0006 deletes the evidence keys that approvals of one original passed on, and keeps those given at submission', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-mig-'));
    const pg = dialect === 'postgres' ? await createPgDatabase() : null;
    const o = openDatabase({ url: pg?.url, sqliteFile: path.join(dir, 'm.sqlite') });
    const migrator = new Migrator({ db: o.db as unknown as Kysely<unknown>, provider: migrationProvider });
    try {
      expect((await migrator.migrateTo('0004_due_process')).error).toBeUndefined();
      const key = Buffer.from('sealed');
      const users = ['supervisor', 'handler'].map((role) => ({
        id: `${role}-id`,
        username: role,
        display_name: role,
        role,
        public_key: key,
        password_salt: key,
        password_verifier: key,
        wrapped_secret_key: key,
        recovery_salt: key,
        recovery_verifier: key,
        recovery_wrapped_secret_key: key,
        created_at: '2026-01-05T09:00:00.000Z',
      }));
      await o.db.insertInto('users').values(users).execute();
      const reportId = await insertReport(o.db);
      const grant = (user_id: string, scope: 'case' | 'evidence', granted_by: string | null) => ({
        report_id: reportId,
        user_id,
        scope,
        sealed_key: key,
        granted_by,
        created_at: '2026-01-05T09:00:00.000Z',
      });
      await o.db
        .insertInto('grants')
        .values([
          grant('supervisor-id', 'case', null),
          grant('supervisor-id', 'evidence', null),
          grant('handler-id', 'case', 'supervisor-id'),
          grant('handler-id', 'evidence', 'supervisor-id'),
        ])
        .execute();
      expect((await migrator.migrateTo('0006_case_access')).error).toBeUndefined();
      const left = await o.db
        .selectFrom('grants')
        .select(['user_id', 'scope'])
        .orderBy('user_id')
        .orderBy('scope')
        .execute();
      expect(left).toEqual([
        { user_id: 'handler-id', scope: 'case' },
        { user_id: 'supervisor-id', scope: 'case' },
        { user_id: 'supervisor-id', scope: 'evidence' },
      ]);
    } finally {
      await o.close();
      await pg?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
