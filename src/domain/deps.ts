/** What every use case is handed. Built once by `buildDeps` (src/server/deps.ts); tests build their own. */
import type { Argon2Params } from '../crypto/kdf.ts';
import type { BlobStore } from '../blobs/store.ts';
import type { Database, Dialect } from '../store/database.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Role } from '../shared/api.ts';
import type { Profile } from '../shared/profile.ts';
import type { Slowdown } from './slowdown.ts';

export interface Deps {
  db: Database;
  dialect: Dialect;
  blobs: BlobStore;
  argon2: Argon2Params;
  files: { maxFileBytes: number; maxFiles: number; maxCleanBytes: number };
  /**
   * Session lifetimes in minutes: a session ends `…IdleMinutes` after its last request and `…Minutes` after sign-in
   * at the latest (src/domain/accounts/sessions.ts).
   */
  sessions: { staffIdleMinutes: number; staffMinutes: number; reporterIdleMinutes: number; reporterMinutes: number };
  /** The deployment profile in force (chosen at setup). */
  profile(): Profile;
  /** Replaces the profile in force (at setup, and when the administration publishes a version). */
  setProfile(profile: Profile): void;
  now(): Date;
  /** Holds back the answers to repeated failures (receipts), a bounded number at once. */
  slowdown: Slowdown;
  /** Folder of the deployment profiles (setup lists them). */
  profilesDir: string;
  /** Server-wide 32-byte secret kept in the database (settings.server_secret): keys CSRF tokens. */
  serverSecret: Buffer;
  /** Staff mail over SMTP; null when CONFIDE_SMTP_URL is unset (notices then stay queued). */
  mailer: Mailer | null;
  /**
   * Staff notices: `reminderHours` before a deadline the people on a case are reminded; at most one mail per
   * person per `intervalMinutes`; mails link only to `staffUrl`, the workspace root.
   */
  notify: { reminderHours: number; intervalMinutes: number; staffUrl: string };
  /**
   * Retention (src/jobs/retention.ts): a closed case is destroyed no sooner than `reminderDays` after its managers
   * were reminded; a blob no file references is removed once older than `uploadGraceHours`.
   */
  retention: { reminderDays: number; uploadGraceHours: number };
  /** Staff accounts: roles that must use TOTP two-factor sign-in (CONFIDE_TOTP_REQUIRED_ROLES). */
  accounts: { totpRequiredRoles: readonly Role[] };
}

/** ISO 8601 UTC, the one format times are stored in. */
export const iso = (d: Date): string => d.toISOString();
