/**
 * `npx confide` as an administrator runs it, for the CLI tests: a real process on a data folder of its own, made
 * before the calling describe block and removed after it, with the lowest Argon2 costs configuration accepts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { TestApp } from './app.ts';

const BIN = fileURLToPath(new URL('../../bin/confide.js', import.meta.url));

/** How one run of the CLI ended: its exit code and what it wrote. */
export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/** The CLI on one data folder (see {@link cliOnFreshData}). */
export interface Cli {
  /** The settings the CLI runs with (data folder, Argon2 costs and the extra ones), as loadConfig takes them. */
  config(): Record<string, string>;
  /** Runs `npx confide …args` with `input` on standard input. */
  run(args: string[], input?: string): CliResult;
}

/**
 * Makes a fresh data folder (named from `prefix`) in a beforeAll of the calling describe block, with a new
 * installation in it (`confide migrate`, as a first start of the server would) unless `options.empty`, and removes it
 * in an afterAll.
 * @param extra settings the CLI also runs with, e.g. `{ CONFIDE_LOG_LEVEL: 'silent' }`
 */
export function cliOnFreshData(
  prefix: string,
  extra: Record<string, string> = {},
  options: { empty?: boolean } = {},
): Cli {
  let dataDir = '';
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    if (options.empty) return;
    const made = cli.run(['migrate']);
    if (made.code !== 0) throw new Error(`confide migrate failed: ${made.err}`);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const config = () => ({
    CONFIDE_DATA_DIR: dataDir,
    // A real process reads its costs from the environment, which accepts no less than this floor.
    CONFIDE_ARGON2_MEMORY_KIB: '19456',
    CONFIDE_ARGON2_TIME_COST: '2',
    ...extra,
  });
  const cli: Cli = {
    config,
    run(args, input = '') {
      const res = spawnSync(process.execPath, [BIN, ...args], {
        input,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', ...config() },
      });
      return { code: res.status, out: res.stdout, err: res.stderr };
    },
  };
  return cli;
}

/** The first line every `npx confide` command writes to stderr: which database it works on. */
export function cliDatabaseLine(t: Pick<TestApp, 'databaseUrl' | 'dataDir'>): string {
  const url = t.databaseUrl ? new URL(t.databaseUrl) : null;
  return url
    ? `Database: PostgreSQL ${url.username}@${url.hostname}:${url.port}${url.pathname}\n`
    : `Database: SQLite ${path.join(t.dataDir, 'confide.sqlite')}\n`;
}
