/**
 * The restore drill: reports go in, `npx confide backup` copies the running installation, `npx confide restore`
 * puts it into a fresh one (a new data folder or database, and a new blob store), and staff read every report and
 * file there as before — on SQLite and PostgreSQL, with the blobs in a local folder and on an S3-protocol server.
 * The backup holds no clear text; a damaged backup, or a target that is not empty, is refused with nothing changed.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import { buildDeps } from '../../src/server/deps.ts';
import { buildTestApp, PASSWORD, TEST_ARGON2, type TestApp } from '../helpers/app.ts';
import { submitCase } from '../helpers/cases.ts';
import { createPgDatabase, DIALECTS } from '../helpers/db.ts';
import { filesUnder, needles, submitMarkedReport } from '../helpers/marker-scan.ts';
import { startS3Server, type S3Server } from '../helpers/s3.ts';

const BIN = fileURLToPath(new URL('../../bin/confide.js', import.meta.url));
const STORES = ['local', 's3'] as const;

/** Runs `npx confide …args` without blocking this process, which serves the S3 protocol the command may use. */
async function confide(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', CONFIDE_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, out, err };
}

interface CaseSeen {
  reference: string;
  answers: string;
  files: Record<string, string>;
}

/** Every case as the supervisor sees it: reference, the report's text, and each file's name, status and bytes. */
async function readEveryCase(inject: TestApp['app']['inject']): Promise<CaseSeen[]> {
  const signIn = await inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username: 'supervisor', password: PASSWORD },
  });
  expect(signIn.statusCode).toBe(200);
  const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const list = await inject({ method: 'GET', url: '/api/v1/cases?limit=100', headers: { cookie } });
  expect(list.statusCode, list.body).toBe(200);
  const seen: CaseSeen[] = [];
  for (const item of (list.json() as { items: { id: string; reference: string }[] }).items) {
    const detail = await inject({ method: 'GET', url: `/api/v1/cases/${item.id}`, headers: { cookie } });
    const body = detail.json() as { answers: unknown; files: { id: string; name: string }[] };
    const files: Record<string, string> = {};
    for (const f of body.files) {
      const dl = await inject({ method: 'GET', url: `/api/v1/cases/${item.id}/files/${f.id}`, headers: { cookie } });
      // A file with no cleaned copy (the binary one) opens only under an approval: its 404 is part of what is read.
      files[f.name] = `${dl.statusCode} ${dl.statusCode === 200 ? dl.rawPayload.toString('base64') : ''}`;
    }
    seen.push({ reference: item.reference, answers: JSON.stringify(body.answers), files });
  }
  return seen.sort((a, b) => a.reference.localeCompare(b.reference));
}

describe.each(DIALECTS.flatMap((d) => STORES.map((s) => [d, s] as const)))(
  'restore drill on %s, blobs %s',
  (dialect, store) => {
    let t: TestApp;
    let s3: S3Server | null = null;
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-drill-'));
    const marker = `MRK${randomBytes(8).toString('hex')}`;
    let sourceEnv: Record<string, string>;
    let before: CaseSeen[];

    beforeAll(async () => {
      if (store === 's3') s3 = await startS3Server();
      t = await buildTestApp({ dialect, env: s3 ? s3.env('live') : {} });
      sourceEnv = {
        CONFIDE_DATA_DIR: t.dataDir,
        ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}),
        ...(s3 ? s3.env('live') : {}),
      };
      await submitMarkedReport(t, marker, Buffer.concat([randomBytes(2000), Buffer.from(marker), randomBytes(2000)]));
      await submitCase(t, { answers: { what_happened: 'A drone over the depot at night.', danger: 'no' } });
      await submitCase(t, { answers: { what_happened: 'Documents copied after hours.', danger: 'unsure' } });
      before = await readEveryCase(t.app.inject.bind(t.app));
      expect(before).toHaveLength(3);
      expect(
        Object.values(before.flatMap((c) => Object.values(c.files))).filter((f) => f.startsWith('200 ')),
      ).toHaveLength(1);
    });
    afterAll(async () => {
      await t.close();
      await s3?.close();
      fs.rmSync(work, { recursive: true, force: true });
    });

    it('backs up while running, restores into a fresh installation, and staff read every report and file', async () => {
      const dir = path.join(work, 'backup');
      const made = await confide(['backup', dir], sourceEnv);
      expect(made.err).toMatch(/^Database: /);
      expect(made.code, made.err).toBe(0);
      expect(made.out).toMatch(/^Backup written to .*: 3 reports, 2 files, 4 blobs, /);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
        database: string;
        files: { path: string }[];
      };
      expect(manifest.database).toBe(dialect);
      expect(manifest.files.filter((f) => f.path.startsWith('blobs/'))).toHaveLength(4);

      // Nothing of the report in clear anywhere in the backup.
      const backedUp = filesUnder(dir).map((f) => fs.readFileSync(f));
      expect(backedUp.reduce((n, b) => n + b.length, 0)).toBeGreaterThan(10_000);
      for (const needle of needles(marker)) for (const b of backedUp) expect(b.includes(needle)).toBe(false);

      const fresh = dialect === 'postgres' ? await createPgDatabase() : null;
      const targetEnv = {
        CONFIDE_DATA_DIR: path.join(work, 'restored'),
        ...(fresh ? { DATABASE_URL: fresh.url } : {}),
        ...(s3 ? s3.env('restored') : {}),
      };
      try {
        const restored = await confide(['restore', dir], targetEnv);
        expect(restored.code, restored.err).toBe(0);
        expect(restored.out).toMatch(/ and verified: 3 reports, 2 files, 4 blobs, \d+ audit entries\.\n$/);

        // A second restore into the same installation is refused, and changes nothing.
        const again = await confide(['restore', dir], targetEnv);
        expect(again.code).toBe(2);
        expect(again.err).toContain('Restore refused: ');

        const built = await buildDeps(
          loadConfig({
            ...targetEnv,
            CONFIDE_LOG_LEVEL: 'silent',
            CONFIDE_TOTP_REQUIRED_ROLES: 'none',
            CONFIDE_LANGUAGE: 'en',
          }),
          {
            argon2: TEST_ARGON2,
          },
        );
        const app = await buildApp({
          deps: built.deps,
          secureCookies: false,
          publicUrl: 'http://127.0.0.1',
          logLevel: 'silent',
        });
        try {
          expect(await readEveryCase(app.inject.bind(app))).toEqual(before);
        } finally {
          await app.close();
          await built.close();
        }
      } finally {
        await fresh?.drop();
      }
    });

    it('refuses a damaged backup, naming the file, one from a newer Confide, and a folder that is not empty', async () => {
      const dir = path.join(work, 'damaged');
      expect((await confide(['backup', dir], sourceEnv)).code).toBe(0);
      const blob = fs
        .readdirSync(path.join(dir, 'blobs'))
        .sort(
          (x, y) => fs.statSync(path.join(dir, 'blobs', y)).size - fs.statSync(path.join(dir, 'blobs', x)).size,
        )[0]!;
      const file = path.join(dir, 'blobs', blob);
      const bytes = fs.readFileSync(file);
      bytes[100] = bytes[100]! ^ 0xff;
      fs.writeFileSync(file, bytes);
      const target = { CONFIDE_DATA_DIR: path.join(work, 'never'), ...(s3 ? s3.env('never') : {}) };
      const refused = await confide(
        ['restore', dir],
        dialect === 'postgres' ? { ...target, DATABASE_URL: t.databaseUrl! } : target,
      );
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`Restore refused: blobs/${blob} is not the file that was backed up`);
      expect(fs.existsSync(path.join(work, 'never', 'confide.sqlite'))).toBe(false);

      // A backup from a newer Confide: its database is at a migration this version does not know.
      const newer = path.join(work, 'newer');
      expect((await confide(['backup', newer], sourceEnv)).code).toBe(0);
      const manifestFile = path.join(newer, 'manifest.json');
      const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { migration: string; confide: string };
      fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, migration: '9999_future', confide: '9.0.0' }));
      const future = await confide(
        ['restore', newer],
        dialect === 'postgres' ? { ...target, DATABASE_URL: t.databaseUrl! } : target,
      );
      expect(future.code).toBe(2);
      expect(future.err).toContain(
        'Restore refused: This backup was made by a newer version of Confide (its database is at migration 9999_future, which this version does not know). Restore it with Confide 9.0.0 or newer.',
      );
      expect(fs.existsSync(path.join(work, 'never', 'confide.sqlite'))).toBe(false);

      const busy = await confide(['backup', dir], sourceEnv);
      expect(busy.code).toBe(2);
      expect(busy.err).toContain(`Backup refused: ${dir} is not empty.`);
    });
  },
);
