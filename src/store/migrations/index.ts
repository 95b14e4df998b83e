/** Every migration, in order. Names are frozen: they are recorded in the database. */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.ts';
import * as m0002 from './0002_case_handling.ts';
import * as m0003 from './0003_status_queue.ts';
import * as m0004 from './0004_due_process.ts';
import * as m0005 from './0005_accounts.ts';
import * as m0006 from './0006_case_access.ts';
import * as m0007 from './0007_files.ts';
import * as m0008 from './0008_backfill_edited.ts';
import * as m0009 from './0009_operator_intake.ts';
import * as m0010 from './0010_reply_files_unread.ts';
import * as m0011 from './0011_mail_intake.ts';
import * as m0012 from './0012_transcripts.ts';
import * as m0013 from './0013_user_language.ts';
import * as m0014 from './0014_administration.ts';

export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '0001_initial': m0001,
      '0002_case_handling': m0002,
      '0003_status_queue': m0003,
      '0004_due_process': m0004,
      '0005_accounts': m0005,
      '0006_case_access': m0006,
      '0007_files': m0007,
      '0008_backfill_edited': m0008,
      '0009_operator_intake': m0009,
      '0010_reply_files_unread': m0010,
      '0011_mail_intake': m0011,
      '0012_transcripts': m0012,
      '0013_user_language': m0013,
      '0014_administration': m0014,
    };
  },
};
