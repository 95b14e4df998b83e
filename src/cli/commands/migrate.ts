import { loadConfig } from '../../server/core/config.ts';
import { databaseLabel, holdsInstallation, migrateToLatest, openDatabase } from '../../store/database.ts';
import { databaseOf } from './context.ts';
import type { Command } from './command.ts';

export const migrate: Command = {
  name: 'migrate',
  summary: 'Bring the database schema up to date (or make a new database)',
  help: `Usage: npx confide migrate

Applies every pending migration to the database named by DATABASE_URL (PostgreSQL) or, when it is unset, to
the SQLite database in CONFIDE_DATA_DIR. \`npm start\` does this too; run it by hand before upgrading a
cluster of nodes. It says which database it uses, and when it makes a new one: the other commands refuse to.`,
  options: {},
  async run(_values, _positionals, io) {
    const options = databaseOf(loadConfig());
    const isNew = !(await holdsInstallation(options));
    io.err.write(`Database: ${databaseLabel(options)}${isNew ? ' (new: no Confide installation there yet)' : ''}\n`);
    const opened = openDatabase(options);
    try {
      const applied = await migrateToLatest(opened.db);
      io.out.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
      return 0;
    } finally {
      await opened.close();
    }
  },
};
