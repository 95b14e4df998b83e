/** Builds the production dependencies from configuration: database (migrated), file store, profile, secret. */
import { withDefaultLanguage } from '../profiles/localize.ts';
import path from 'node:path';
import { openBlobStore } from '../blobs/open.ts';
import { checkBlobStore } from '../domain/storage/blob-marker.ts';
import type { Deps } from '../domain/deps.ts';
import { DEFAULT_PROFILE, getSetting, loadServerSecret } from '../domain/accounts/setup.ts';
import { createSlowdown } from '../domain/slowdown.ts';
import { recordLegacyCosts } from '../domain/accounts/argon2-costs.ts';
import { createSmtpMailer } from '../mail/mailer.ts';
import { resolveProfileDir } from '../profiles/load.ts';
import { loadProfileInForce } from '../domain/administration/profile.ts';
import type { Profile } from '../shared/profile.ts';
import { migrateToLatest, openDatabase } from '../store/database.ts';
import type { Config } from './core/config.ts';

export interface Built {
  deps: Deps;
  close(): Promise<void>;
}

/** Answers to repeated failures that may wait at once in one process (src/domain/slowdown.ts). */
const MAX_WAITING_FAILURES = 100;

/**
 * @param overrides what tests replace in code, never from the environment: the clock, how failures wait, and
 *   Argon2id costs below the floor configuration accepts (so that passwords hash quickly in tests)
 * @throws ProfileError naming the file, field and fix; Error when the database cannot be reached or migrated
 */
export async function buildDeps(
  config: Config,
  overrides: Partial<Pick<Deps, 'now' | 'slowdown' | 'argon2'>> = {},
): Promise<Built> {
  const opened = openDatabase({ url: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'confide.sqlite') });
  const blobs = openBlobStore(config.blobs);
  try {
    await migrateToLatest(opened.db);
    const base = { db: opened.db };
    const argon2 = overrides.argon2 ?? config.argon2;
    await recordLegacyCosts(base, argon2);
    const profileId = (await getSetting(base, 'profile')) ?? DEFAULT_PROFILE;
    // CONFIDE_LANGUAGE makes another published language the deployment's default.
    const adopt = (loaded: Profile) => (config.language ? withDefaultLanguage(loaded, config.language) : loaded);
    // The highest version published in the administration, else the profile files.
    let profile: Profile = adopt(await loadProfileInForce(opened.db, resolveProfileDir(config.profilesDir, profileId)));
    const deps: Deps = {
      db: opened.db,
      dialect: opened.dialect,
      blobs: blobs.store,
      argon2,
      files: config.files,
      sessions: config.sessions,
      profile: () => profile,
      setProfile: (p) => {
        profile = adopt(p);
      },
      now: overrides.now ?? (() => new Date()),
      slowdown: overrides.slowdown ?? createSlowdown(MAX_WAITING_FAILURES),
      profilesDir: config.profilesDir,
      serverSecret: await loadServerSecret(base),
      mailer: config.mail.smtpUrl ? createSmtpMailer(config.mail.smtpUrl, config.mail.from) : null,
      notify: { ...config.notify, staffUrl: `${config.publicUrl}/staff/` },
      retention: config.retention,
      accounts: { totpRequiredRoles: config.totpRequiredRoles },
    };
    await checkBlobStore(deps, blobs.label);
    return {
      deps,
      close: async () => {
        deps.mailer?.close();
        blobs.close();
        await opened.close();
      },
    };
  } catch (error) {
    blobs.close();
    await opened.close();
    throw error;
  }
}
