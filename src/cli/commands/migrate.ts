import path from 'node:path';
import { loadConfig } from '../../server/config.ts';
import { migrateToLatest, openDatabase } from '../../store/database.ts';
import type { Command } from './index.ts';

export const migrate: Command = {
  name: 'migrate',
  summary: 'Bring the database schema up to date',
  help: `Usage: npx confide migrate

Applies every pending migration to the database named by DATABASE_URL (PostgreSQL) or, when it is unset, to
the SQLite database in CONFIDE_DATA_DIR. \`npm start\` does this too; run it by hand before upgrading a
cluster of nodes.`,
  options: {},
  async run(_values, _positionals, io) {
    const config = loadConfig();
    const opened = openDatabase({ url: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'confide.sqlite') });
    try {
      const applied = await migrateToLatest(opened.db);
      io.out.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
      return 0;
    } finally {
      await opened.close();
    }
  },
};
