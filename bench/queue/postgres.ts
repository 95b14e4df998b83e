/** Creating and dropping the benchmark's PostgreSQL databases, through the server's maintenance database. */
import pg from 'pg';

/** The local server the benchmark uses unless told otherwise (a superuser, so that it can create databases). */
export const DEFAULT_POSTGRES_URL = 'postgres://confide:confide@127.0.0.1:5432/postgres';

/** `url` with its database name replaced. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(`database name "${name}" must be lower-case letters, digits and _ (e.g. confide_bench_queue)`);
  return name;
}

async function onMaintenance<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function databaseExists(url: string): Promise<boolean> {
  const name = databaseName(url);
  return onMaintenance(
    url,
    async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1,
  );
}

/** Creates the database of `url` unless it exists. @returns whether it was created */
export async function ensureDatabase(url: string): Promise<boolean> {
  if (await databaseExists(url)) return false;
  const name = databaseName(url);
  await onMaintenance(url, (c) => c.query(`create database "${name}"`));
  return true;
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await onMaintenance(url, (c) => c.query(`drop database if exists "${name}" with (force)`));
}
