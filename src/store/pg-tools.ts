/**
 * PostgreSQL's own dump and restore programs (pg_dump, pg_restore from the PATH), run with the password in
 * PGPASSWORD rather than on the command line, where `ps` would show it to every user of the machine.
 */
import { spawn } from 'node:child_process';

/** A PostgreSQL tool failed or could not be started; the message says which and why. */
export class PgToolError extends Error {
  override name = 'PgToolError';
}

/** `url` without its password, and the password apart. */
function splitPassword(url: string): { url: string; password: string | undefined } {
  const u = new URL(url);
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  u.password = '';
  return { url: u.toString(), password };
}

/**
 * Runs `tool` with `args`, the database URL last (as `--dbname=`), and resolves when it exits 0.
 * @throws PgToolError with what the tool wrote on standard error, or how to install it when it is missing
 */
export async function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string): Promise<void> {
  const { url, password } = splitPassword(databaseUrl);
  const child = spawn(tool, [...args, `--dbname=${url}`], {
    env: { ...process.env, ...(password !== undefined ? { PGPASSWORD: password } : {}) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 8_000) stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT')
      throw new PgToolError(
        `${tool} was not found on the PATH. Install PostgreSQL's client programs of the server's major version or newer (Debian: apt install postgresql-client-15).`,
      );
    throw error;
  });
  if (code !== 0) throw new PgToolError(`${tool} failed (exit code ${code}): ${stderr.trim() || 'it said nothing'}`);
}
