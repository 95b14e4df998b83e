/**
 * Upgrades of a database that holds data: rows written at each migration, with only that migration's schema, are
 * still there with the right values and defaults after migrating to the latest, on every available database. And
 * 0008 gives a database migrated before 0001, 0002, 0004 and 0006 were edited what those edits added.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createPgDatabase, DIALECTS } from '../../test/helpers/db.ts';
import { openDatabase, type OpenDatabase } from './database.ts';
import { migrationProvider } from './migrations/index.ts';

/** Rows of any table, as an earlier schema had them (tables.ts describes only the latest). */
type Loose = Kysely<Record<string, Record<string, unknown>>>;

const T0 = '2026-01-05T09:00:00.000Z';
const T1 = '2026-01-06T09:00:00.000Z';
const NO_DEADLINE = '9999-12-31T23:59:59.999Z';
const bytes = Buffer.from('sealed');

async function withDatabase(
  dialect: string,
  work: (o: OpenDatabase, raw: Loose, to: (name: string) => Promise<void>) => Promise<void>,
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-mig-'));
  const pg = dialect === 'postgres' ? await createPgDatabase() : null;
  const o = openDatabase({ url: pg?.url, sqliteFile: path.join(dir, 'm.sqlite') });
  const raw = o.db as unknown as Loose;
  const migrator = new Migrator({ db: raw as unknown as Kysely<unknown>, provider: migrationProvider });
  const to = async (name: string) => {
    const { error } = name === 'latest' ? await migrator.migrateToLatest() : await migrator.migrateTo(name);
    expect(error).toBeUndefined();
  };
  try {
    await work(o, raw, to);
  } finally {
    await o.close();
    await pg?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const user = (id: string) => ({
  id,
  username: id,
  display_name: id,
  role: 'handler',
  public_key: bytes,
  password_salt: bytes,
  password_verifier: bytes,
  wrapped_secret_key: bytes,
  recovery_salt: bytes,
  recovery_verifier: bytes,
  recovery_wrapped_secret_key: bytes,
  created_at: T0,
});

const report = (id: string, status: string, ackDue: string | null, feedbackDue: string | null) => ({
  id,
  reference: `R-${id}`,
  category: 'espionage',
  channel: 'web',
  language: 'en',
  status,
  received_at: T0,
  acknowledgement_due_at: ackDue,
  feedback_due_at: feedbackDue,
  updated_at: T0,
  receipt_locator: `locator-${id}`,
  receipt_salt: bytes,
  receipt_verifier: bytes,
  reporter_wrapped_key: bytes,
  evidence_public_key: bytes,
  sealed_answers: bytes,
  sealed_identity: bytes,
});

const file = (id: string, reportId: string, position: number) => ({
  id,
  report_id: reportId,
  author: 'reporter',
  position,
  cleaning: 'cleaned',
  cleaned_blob: `${id}-clean`,
  sealed_meta: bytes,
  original_blob: `${id}-orig`,
  sealed_original_key: bytes,
  sealed_original_meta: bytes,
  created_at: T0,
});

describe.each(DIALECTS)('upgrading a database with data on %s', (dialect) => {
  it('keeps the rows written at each migration, with the values and defaults the later ones give them', async () => {
    await withDatabase(dialect, async (o, raw, to) => {
      await to('0001_initial');
      await raw.insertInto('settings').values({ key: 'profile', value: 'eu' }).execute();
      await raw.insertInto('users').values(user('u1')).execute();
      await raw
        .insertInto('reports')
        .values([
          report('r1', 'received', T1, null),
          report('r2', 'closed', null, T1),
          report('r3', 'in_progress', T0, T1),
        ])
        .execute();
      await raw
        .insertInto('grants')
        .values({ report_id: 'r1', user_id: 'u1', scope: 'case', sealed_key: bytes, granted_by: null, created_at: T0 })
        .execute();
      await raw
        .insertInto('files')
        .values({ ...file('f1', 'r1', 3), cleaned_size: 50, original_size: 100 })
        .execute();
      await raw
        .insertInto('messages')
        .values({
          id: 'm1',
          report_id: 'r1',
          author: 'reporter',
          visibility: 'all',
          sealed_body: bytes,
          created_at: T0,
        })
        .execute();
      await raw
        .insertInto('sessions')
        .values({ id: 's1', kind: 'staff', user_id: 'u1', sealed_key: bytes, created_at: T0, expires_at: T1 })
        .execute();
      await raw
        .insertInto('audit')
        .values({ seq: 1, at: T0, actor: 'u1', action: 'case.read', subject: 'r1', prev_hash: '0', hash: 'h1' })
        .execute();

      await to('0003_status_queue');
      await raw.insertInto('case_labels').values({ report_id: 'r1', label: 'fraud', created_at: T0 }).execute();
      await raw
        .insertInto('messages')
        .values({
          id: 'm2',
          report_id: 'r1',
          author: 'staff',
          visibility: 'staff',
          kind: 'note',
          sealed_body: bytes,
          created_at: T1,
        })
        .execute();

      await to('0004_due_process');
      await raw
        .insertInto('users')
        .values({ ...user('u2'), activated_at: null, invitation_hash: 'code', invited_by: 'u1' })
        .execute();
      await raw.insertInto('certificates').values({ code_hash: 'c1', report_id: 'r1', issued_at: T1 }).execute();

      await to('0006_case_access');
      await raw
        .insertInto('original_keys')
        .values({ report_id: 'r1', file_id: 'f1', user_id: 'u1', sealed_key: bytes, created_at: T1 })
        .execute();

      await to('0007_files');
      await raw
        .insertInto('files')
        .values({ ...file('f2', 'r1', 4), blob_format: 2 })
        .execute();

      await to('latest');
      const reports = await raw
        .selectFrom('reports')
        .select(['id', 'due_at', 'urgent', 'version', 'sealed_exclusions', 'receipt_kdf'])
        .orderBy('id')
        .execute();
      expect(reports).toEqual([
        { id: 'r1', due_at: T1, urgent: 0, version: 1, sealed_exclusions: null, receipt_kdf: null },
        { id: 'r2', due_at: NO_DEADLINE, urgent: 0, version: 1, sealed_exclusions: null, receipt_kdf: null },
        { id: 'r3', due_at: T1, urgent: 0, version: 1, sealed_exclusions: null, receipt_kdf: null },
      ]);
      const users = await raw
        .selectFrom('users')
        .select(['id', 'activated_at', 'invited_by', 'password_kdf', 'email'])
        .orderBy('id')
        .execute();
      expect(users).toEqual([
        { id: 'u1', activated_at: T0, invited_by: null, password_kdf: null, email: null },
        { id: 'u2', activated_at: null, invited_by: 'u1', password_kdf: null, email: null },
      ]);
      const files = await raw
        .selectFrom('files')
        .select(['id', 'position', 'blob_format', 'report_id'])
        .orderBy('id')
        .execute();
      expect(files).toEqual([
        { id: 'f1', position: 3, blob_format: 1, report_id: 'r1' },
        { id: 'f2', position: 4, blob_format: 2, report_id: 'r1' },
      ]);
      const messages = await raw.selectFrom('messages').select(['id', 'kind']).orderBy('id').execute();
      expect(messages).toEqual([
        { id: 'm1', kind: 'message' },
        { id: 'm2', kind: 'note' },
      ]);
      expect(await raw.selectFrom('sessions').select(['id', 'last_seen_at']).execute()).toEqual([
        { id: 's1', last_seen_at: T0 },
      ]);
      expect(await raw.selectFrom('grants').select(['report_id', 'user_id', 'scope']).execute()).toEqual([
        { report_id: 'r1', user_id: 'u1', scope: 'case' },
      ]);
      expect(await raw.selectFrom('audit').select(['seq', 'hash']).execute()).toEqual([{ seq: 1, hash: 'h1' }]);
      expect(await raw.selectFrom('settings').selectAll().execute()).toEqual([{ key: 'profile', value: 'eu' }]);
      expect(await raw.selectFrom('case_labels').select(['label']).execute()).toEqual([{ label: 'fraud' }]);
      expect(await raw.selectFrom('certificates').select(['code_hash']).execute()).toEqual([{ code_hash: 'c1' }]);
      expect(await raw.selectFrom('original_keys').select(['file_id']).execute()).toEqual([{ file_id: 'f1' }]);
    });
  });

  it('0008 adds what the edits of 0001, 0002, 0004 and 0006 added to a database migrated before them', async () => {
    await withDatabase(dialect, async (o, raw, to) => {
      await to('0007_files');
      await raw
        .insertInto('users')
        .values({ ...user('u1'), activated_at: null })
        .execute();
      await raw
        .insertInto('reports')
        .values(report('r1', 'received', T1, null))
        .execute();
      await raw
        .insertInto('files')
        .values(file('f1', 'r1', 2))
        .execute();
      // The schema as the first commits of those migrations made it: without what was added to them later.
      for (const name of [
        'reports_statistics',
        'files_original_blob',
        'files_cleaned_blob',
        'audit_subject',
        'audit_actor',
        'audit_at',
      ])
        await raw.schema.dropIndex(name).execute();
      for (const name of [
        'activated_at',
        'invitation_hash',
        'invitation_expires_at',
        'invited_by',
        'invitation_approved_by',
      ])
        await raw.schema.alterTable('users').dropColumn(name).execute();
      await raw.schema.alterTable('files').dropColumn('position').execute();
      await raw.schema.alterTable('reports').dropColumn('sealed_exclusions').execute();

      await to('latest');
      expect(
        await raw
          .selectFrom('users')
          .select([
            'id',
            'activated_at',
            'invitation_hash',
            'invited_by',
            'invitation_approved_by',
            'invitation_expires_at',
          ])
          .execute(),
      ).toEqual([
        {
          id: 'u1',
          activated_at: T0,
          invitation_hash: null,
          invited_by: null,
          invitation_approved_by: null,
          invitation_expires_at: null,
        },
      ]);
      expect(await raw.selectFrom('files').select(['id', 'position']).execute()).toEqual([{ id: 'f1', position: 0 }]);
      expect(await raw.selectFrom('reports').select(['id', 'sealed_exclusions']).execute()).toEqual([
        { id: 'r1', sealed_exclusions: null },
      ]);
      const names =
        o.dialect === 'postgres'
          ? (
              await raw
                .selectFrom('pg_indexes')
                .select('indexname as name')
                .where('schemaname', '=', 'public')
                .execute()
            ).map((r) => r.name)
          : (await raw.selectFrom('sqlite_master').select('name').where('type', '=', 'index').execute()).map(
              (r) => r.name,
            );
      expect(names).toEqual(
        expect.arrayContaining([
          'reports_statistics',
          'files_original_blob',
          'files_cleaned_blob',
          'audit_subject',
          'audit_actor',
          'audit_at',
        ]),
      );
    });
  });
});
