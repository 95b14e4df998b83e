/**
 * Databases for tests: SQLite always; PostgreSQL when TEST_DATABASE_URL names a server (a fresh database per
 * call, dropped afterwards). With CI=true PostgreSQL is required, so a missing server fails instead of skipping.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Dialect } from '../../src/store/database.ts';

export const PG_URL = process.env.TEST_DATABASE_URL;

if (process.env.CI === 'true' && !PG_URL)
  throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests must run in CI.');

/** The dialects to run integration tests on. */
export const DIALECTS: Dialect[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** Creates an empty PostgreSQL database. @returns its URL and a function that drops it */
export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!PG_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `confide_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
