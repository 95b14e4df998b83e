/**
 * The deployment a command works on: the database the configuration names (CONFIDE_DATA_DIR or DATABASE_URL), said
 * on standard error before anything else, so that a command run with the wrong settings shows it; commands that
 * need an existing installation refuse when there is none instead of creating a new, empty one.
 */
import path from 'node:path';
import { loadConfig, type Config } from '../../server/core/config.ts';
import { buildDeps } from '../../server/deps.ts';
import type { Deps } from '../../domain/deps.ts';
import { databaseLabel, holdsInstallation, type DatabaseOptions } from '../../store/database.ts';
import type { Io } from './command.ts';

/** A command that cannot run as configured: its message is printed as it is, and the exit code is 2. */
export class Refusal extends Error {
  override name = 'Refusal';
}

/** Where the configuration puts the database. */
export function databaseOf(config: Config): DatabaseOptions {
  return { url: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'confide.sqlite') };
}

/**
 * Says which database the configuration names, and checks that it holds an installation, creating nothing.
 * @throws Refusal naming the database and how to point at the right one
 */
export async function requireInstallation(io: Io, config: Config = loadConfig()): Promise<DatabaseOptions> {
  const options = databaseOf(config);
  if (!(await holdsInstallation(options))) {
    const where = options.url
      ? `The PostgreSQL database ${databaseLabel(options).replace(/^PostgreSQL /, '')} holds no Confide installation. Set DATABASE_URL to the database the server uses`
      : `There is no Confide database at ${options.sqliteFile}. Set CONFIDE_DATA_DIR to the data folder of the installation (or DATABASE_URL for PostgreSQL)`;
    throw new Refusal(
      `${where} and run the command again. Nothing was created. (A new installation is made by starting the server, or by \`npx confide migrate\`.)`,
    );
  }
  io.err.write(`Database: ${databaseLabel(options)}\n`);
  return options;
}

/** Opens the same dependencies the server uses, for one command on an existing installation, and closes them after. */
export async function withDeps<T>(io: Io, fn: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  await requireInstallation(io, config);
  const { deps, close } = await buildDeps(config);
  try {
    return await fn(deps);
  } finally {
    await close();
  }
}
