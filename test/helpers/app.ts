/**
 * buildTestApp(): the production app (buildApp) with test dependencies: a fresh data folder, a fresh SQLite or
 * PostgreSQL database, low Argon2 costs (TEST_ARGON2, in code), small file limits where a test asks, and one user per
 * role.
 */
import fs from 'node:fs';
import { findSetting } from '../../src/store/settings.ts';
import { BLOB_MARKER_SETTING } from '../../src/domain/storage/blob-marker.ts';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import { buildDeps } from '../../src/server/deps.ts';
import type { Deps } from '../../src/domain/deps.ts';
import { createSlowdown } from '../../src/domain/slowdown.ts';
import { addUser } from '../../src/domain/accounts/users.ts';
import { ROLES, type Role } from '../../src/shared/api.ts';
import type { Dialect } from '../../src/store/database.ts';
import { createPgDatabase } from './db.ts';

export const PASSWORD = 'correct horse battery staple';

/**
 * Argon2id costs for tests: far below the floor configuration accepts (19 MiB, 2 passes), so they are passed to
 * buildDeps in code — the one place tests lower them; no environment variable can.
 */
export const TEST_ARGON2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  dataDir: string;
  dialect: Dialect;
  databaseUrl: string | undefined;
  users: Record<Role, { id: string; username: string }>;
  /**
   * Every wait asked for before answering a failure (ms), in order: the test app records them and answers at once,
   * so tests never sleep.
   */
  waits: number[];
  /** Signs a staff user in. @returns the cookie header value and the CSRF token */
  signIn(role: Role | string): Promise<{ cookie: string; csrf: string }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  dialect?: Dialect;
  env?: Record<string, string>;
  /** Roles to create users for (default: every role). */
  roles?: readonly Role[];
  now?: () => Date;
  /** Collect log lines (at info level) into this array. */
  logLines?: string[];
  /** Folder of the built staff workspace (default dist/web). */
  webDir?: string;
}

export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dialect = options.dialect ?? 'sqlite';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-test-'));
  const pgDb = dialect === 'postgres' ? await createPgDatabase() : null;
  const config = loadConfig({
    CONFIDE_DATA_DIR: dataDir,
    CONFIDE_LOG_LEVEL: 'silent',
    // No role must use TOTP unless a test says so (env: { CONFIDE_TOTP_REQUIRED_ROLES: 'handler' }).
    CONFIDE_TOTP_REQUIRED_ROLES: 'none',
    // Tests read the English texts (the national-security profile's own default is Chinese); a test asks for
    // another language by path, or sets CONFIDE_LANGUAGE itself.
    CONFIDE_LANGUAGE: 'en',
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    ...options.env,
  });
  const waits: number[] = [];
  const built = await buildDeps(config, {
    argon2: TEST_ARGON2,
    ...(options.now ? { now: options.now } : {}),
    slowdown: createSlowdown(100, async (ms) => waits.push(ms)),
  });
  const lines = options.logLines;
  const app = await buildApp({
    deps: built.deps,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    // The configured public URL only when a test sets one (HSTS and Secure cookies follow an https one).
    publicUrl: options.env?.CONFIDE_PUBLIC_URL ? config.publicUrl : 'http://127.0.0.1',
    bounds: config.http,
    metricsToken: config.metrics.token,
    ...(options.webDir ? { webDir: options.webDir } : {}),
    logLevel: lines ? 'info' : (options.env?.CONFIDE_LOG_LEVEL ?? 'silent'),
    ...(lines ? { logStream: { write: (line: string) => void lines.push(line) } } : {}),
  });
  const users = {} as TestApp['users'];
  for (const role of options.roles ?? ROLES) {
    const { user } = await addUser(built.deps, {
      username: role,
      role,
      password: PASSWORD,
      displayName: `Test ${role}`,
    });
    users[role] = { id: user.id, username: user.username };
  }
  return {
    app,
    deps: built.deps,
    dataDir,
    dialect,
    databaseUrl: pgDb?.url,
    users,
    waits,
    async signIn(username) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username, password: PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return { cookie, csrf: (res.json() as { csrfToken: string }).csrfToken };
    },
    async close() {
      await app.close();
      await built.close();
      await pgDb?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The ids of every blob in the test app's store but the marker each installation keeps there
 * (src/domain/storage/blob-marker.ts): the uploads, their cleaned copies and recordings. Sorted.
 */
export async function uploadBlobIds(deps: TestApp['deps']): Promise<string[]> {
  const marker = await findSetting(deps.db, BLOB_MARKER_SETTING);
  const ids: string[] = [];
  for await (const b of deps.blobs.list()) if (b.id !== marker) ids.push(b.id);
  return ids.sort();
}
