/**
 * Raising the Argon2id costs breaks no sign-in (issue 8 item 9): each verifier keeps the costs it was made with;
 * rows from before migration 0005 get the costs configured at the first start after it; a staff password is wrapped
 * again with today's costs at its next sign-in. The same data is opened three times, as a server restarted with
 * new settings would be (costs passed to buildDeps in code, as tests must: the environment refuses them this low).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Argon2Params } from '../../src/crypto/kdf.ts';
import { recoverAccount } from '../../src/domain/accounts/account.ts';
import type { Deps } from '../../src/domain/deps.ts';
import { verifyReceipt } from '../../src/domain/reporter/follow-up.ts';
import { ReportDraft } from '../../src/domain/reporter/submit.ts';
import { signIn } from '../../src/domain/accounts/sign-in.ts';
import { addUser } from '../../src/domain/accounts/users.ts';
import { loadConfig } from '../../src/server/core/config.ts';
import { buildDeps } from '../../src/server/deps.ts';
import { PASSWORD } from '../helpers/app.ts';
import { createPgDatabase, DIALECTS } from '../helpers/db.ts';

const OLD: Argon2Params = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
const NEW: Argon2Params = { memoryCost: 2048, timeCost: 2, parallelism: 1 };
const json = (p: Argon2Params) => JSON.stringify({ m: p.memoryCost, t: p.timeCost, p: p.parallelism });

describe.each(DIALECTS)('stored Argon2id costs (%s)', (dialect) => {
  let dataDir = '';
  let pg: Awaited<ReturnType<typeof createPgDatabase>> | null = null;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-costs-'));
    pg = dialect === 'postgres' ? await createPgDatabase() : null;
  });
  afterAll(async () => {
    await pg?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Opens the same data with `argon2`, runs `fn`, closes it. */
  async function withDeps<T>(argon2: Argon2Params, fn: (deps: Deps) => Promise<T>): Promise<T> {
    const config = loadConfig({
      CONFIDE_DATA_DIR: dataDir,
      CONFIDE_LOG_LEVEL: 'silent',
      CONFIDE_TOTP_REQUIRED_ROLES: 'none',
      ...(pg ? { DATABASE_URL: pg.url } : {}),
    });
    const built = await buildDeps(config, { argon2 });
    try {
      return await fn(built.deps);
    } finally {
      await built.close();
    }
  }
  const costsOf = (deps: Deps, username: string) =>
    deps.db
      .selectFrom('users')
      .select(['password_kdf', 'recovery_kdf', 'password_verifier'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();

  it('a password, a recovery key and a receipt made with lower costs still open after the costs are raised', async () => {
    const made = await withDeps(OLD, async (deps) => {
      const ada = await addUser(deps, { username: 'ada', role: 'supervisor', password: PASSWORD });
      const old = await addUser(deps, { username: 'old', role: 'custodian', password: PASSWORD });
      const report = await new ReportDraft(deps).submit({
        categoryId: 'espionage',
        channel: 'web',
        answers: { what_happened: 'Someone photographs the gate.', danger: 'no' },
      });
      expect(await costsOf(deps, 'ada')).toMatchObject({ password_kdf: json(OLD), recovery_kdf: json(OLD) });
      // 'old' and the report as a version before migration 0005 left them: no costs stored.
      await deps.db
        .updateTable('users')
        .set({ password_kdf: null, recovery_kdf: null })
        .where('id', '=', old.user.id)
        .execute();
      await deps.db.updateTable('reports').set({ receipt_kdf: null }).execute();
      await deps.db.deleteFrom('settings').where('key', '=', 'argon2_legacy_costs').execute();
      return { adaRecovery: ada.recoveryKey, receipt: report.receipt };
    });

    // The first start after the upgrade, with the costs in force then, records them on the old rows.
    await withDeps(OLD, async (deps) => {
      expect(await costsOf(deps, 'old')).toMatchObject({ password_kdf: json(OLD), recovery_kdf: json(OLD) });
      const row = await deps.db.selectFrom('reports').select('receipt_kdf').executeTakeFirstOrThrow();
      expect(row.receipt_kdf).toBe(json(OLD));
    });

    // Raised later: everything still opens; each password is wrapped again with the new costs at its sign-in.
    await withDeps(NEW, async (deps) => {
      for (const username of ['ada', 'old']) {
        const before = await costsOf(deps, username);
        const session = await signIn(deps, username, PASSWORD);
        expect(session.user.username).toBe(username);
        const after = await costsOf(deps, username);
        expect(after.password_kdf).toBe(json(NEW));
        expect(after.recovery_kdf).toBe(json(OLD));
        expect(after.password_verifier.equals(before.password_verifier)).toBe(false);
        // Signing in again uses the new wrap, and leaves it as it is.
        await signIn(deps, username, PASSWORD);
        expect((await costsOf(deps, username)).password_verifier.equals(after.password_verifier)).toBe(true);
      }
      // The recovery key, wrapped with the old costs, still sets a new password.
      const recovered = await recoverAccount(deps, {
        username: 'ada',
        recoveryKey: made.adaRecovery,
        newPassword: 'a fresh passphrase for ada',
      });
      expect(recovered.user.username).toBe('ada');
      const opened = await verifyReceipt(deps, made.receipt);
      expect(opened.reportKey).toHaveLength(32);
    });
  });
});
