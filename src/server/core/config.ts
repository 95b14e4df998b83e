/**
 * Configuration from the environment, validated once at start-up and then frozen. Every setting is documented
 * here and in `.env.example`; an invalid one stops start-up with a message that names it and the fix.
 */
import { LANGUAGES, type Language } from '../../i18n/languages.ts';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ROLES, type Role } from '../../shared/api.ts';
import type { ImapIntakeConfig, MailIntakeConfig } from '../../domain/email/mail-settings.ts';
import { scaleConfig, scaleEnv, type ScaleConfig } from './config-scale.ts';

const int = (def: number, min: number, max: number, why?: string) => {
  const error = `must be a whole number from ${min} to ${max}${why ? ` (${why})` : ''}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(def);
};
const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .default('')
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** Address ranges @fastify/proxy-addr knows by name. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** Whether `entry` is an IP address, an address/prefix (CIDR) range, or a named range. */
function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `CONFIDE_TRUST_PROXY`: off, or the addresses of the proxies whose `X-Forwarded-*` headers are believed. Neither
 * "trust everyone" nor a hop count is accepted: both let a client that reaches the server directly claim HTTPS or
 * another address (Fastify ignores a hop count for that reason, which would make the setting silently do nothing).
 */
const trustProxy = z
  .string()
  .default('')
  .transform((v, ctx): false | string[] => {
    const value = v.trim();
    if (['', '0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
    const fix =
      'give the address of your TLS proxy as this server sees it, e.g. 127.0.0.1, or a comma-separated list of addresses and ranges (10.0.0.0/8, ::1, loopback)';
    if (['1', 'true', 'yes', 'on', '*'].includes(value.toLowerCase()) || /^\d+$/.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" would believe forwarded headers from any client that reaches this server directly: ${fix}`,
      });
      return false;
    }
    const entries = value
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const invalid = entries.filter((e) => !isProxyAddress(e));
    if (invalid.length > 0)
      ctx.addIssue({
        code: 'custom',
        message: `not an address or range: ${invalid.map((e) => `"${e}"`).join(', ')}: ${fix}`,
      });
    return entries;
  });

const Env = z
  .object({
    /** TCP port to listen on. */
    PORT: int(8080, 1, 65535),
    /** Address to listen on. Put a TLS-terminating proxy in front when exposing it. */
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Folder for the SQLite database and the file store (created when missing, mode 0700). */
    CONFIDE_DATA_DIR: z.string().min(1).default('./data'),
    /** `postgres://user:password@host:5432/db` to use PostgreSQL instead of the embedded SQLite database. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset for the embedded SQLite database)')
      .optional(),
    /** Public base URL, used in the setup link printed at first start and in staff notice mails (`/staff/`). */
    CONFIDE_PUBLIC_URL: z.string().url().optional(),
    /** Folder with the deployment profiles (default: the profiles shipped with Confide). */
    CONFIDE_PROFILES_DIR: z
      .string()
      .min(1)
      .default(fileURLToPath(new URL('../../../profiles', import.meta.url))),
    /**
     * The language of the public pages at addresses without a language prefix, of reports taken in without one, and
     * of mail to reporters (en, zh-CN or ar): one the profile publishes. Default (unset or empty): the profile's own
     * `language`.
     */
    CONFIDE_LANGUAGE: z.preprocess((v) => (v === '' ? undefined : v), z.enum(LANGUAGES).optional()),
    /**
     * Argon2id memory cost in KiB for passwords and receipts. No less than OWASP's minimum for Argon2id (19 MiB with
     * 2 passes): a copy of the database must not be cheaper to attack offline. Each verifier keeps the costs it was
     * made with, so raising them later breaks no sign-in. Tests lower them in code (buildDeps), never here.
     */
    CONFIDE_ARGON2_MEMORY_KIB: int(65536, 19_456, 4_194_304, "OWASP's minimum for Argon2id is 19456 (19 MiB)"),
    /** Argon2id passes (at least 2: OWASP's minimum with 19 MiB). */
    CONFIDE_ARGON2_TIME_COST: int(3, 2, 100, "OWASP's minimum for Argon2id is 2 passes with 19 MiB"),
    /** Argon2id lanes. */
    CONFIDE_ARGON2_PARALLELISM: int(1, 1, 16),
    /** Largest file a reporter may upload, in bytes (default 100 MiB). */
    CONFIDE_MAX_FILE_BYTES: int(100 * 1024 * 1024, 1, 10 * 1024 * 1024 * 1024),
    /** Most files in one submission or follow-up. */
    CONFIDE_MAX_FILES: int(20, 1, 1000),
    /** Largest file whose metadata is removed (held in memory while cleaning); bigger files are flagged. */
    CONFIDE_MAX_CLEAN_BYTES: int(100 * 1024 * 1024, 1, 2 * 1024 * 1024 * 1024),
    /**
     * Sessions end after a time without a request (idle) and, whatever the activity, at a cap from sign-in. Staff: 30
     * minutes idle, 8 hours at most (a working day; NIST SP 800-63B AAL2 asks for at most 30 minutes idle and 12
     * hours).
     */
    CONFIDE_STAFF_SESSION_IDLE_MINUTES: int(30, 5, 24 * 60),
    /** The cap of a staff session, in minutes from sign-in. */
    CONFIDE_STAFF_SESSION_MINUTES: int(480, 5, 7 * 24 * 60),
    /**
     * Reporters: 20 minutes idle — their device may be shared or taken, and the report page shows the report — and 2
     * hours at most. An upload that started inside the session is stored however long it takes.
     */
    CONFIDE_REPORTER_SESSION_IDLE_MINUTES: int(20, 5, 24 * 60),
    /** The cap of a reporter session, in minutes from sign-in with the receipt. */
    CONFIDE_REPORTER_SESSION_MINUTES: int(120, 5, 24 * 60),
    /** Seed one user per role and print their passwords (never in production). */
    CONFIDE_DEMO: flag,
    /**
     * Send cookies with the Secure flag even when CONFIDE_PUBLIC_URL is http (1). They always have it when the public
     * URL is https or a request arrived over HTTPS; 0 with an https public URL is refused.
     */
    CONFIDE_SECURE_COOKIES: z.enum(['1', '0', 'true', 'false', ''], { error: 'must be 1 or 0' }).optional(),
    /**
     * Proxies whose `X-Forwarded-For`/`-Proto`/`-Host` headers are believed: unset (default) believes none; otherwise
     * their addresses or ranges, comma-separated (`127.0.0.1`, `10.0.0.0/8`, `loopback`). With it, a request the
     * proxy marks as HTTPS gets HSTS and Secure cookies even without an https CONFIDE_PUBLIC_URL.
     */
    CONFIDE_TRUST_PROXY: trustProxy,
    /**
     * SMTP server for staff notices: `smtp://user:pass@mail.example:587` (STARTTLS when offered) or
     * `smtps://user:pass@mail.example:465`; nodemailer options may follow as a query (`?requireTLS=true`). Unset:
     * notices stay queued (staff see the work in the workspace) and a warning is logged once.
     */
    CONFIDE_SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/?#]+/, 'must look like smtp://user:pass@host:587 or smtps://user:pass@host:465')
      .optional(),
    /** Sender of staff notices, e.g. `Confide <confide@report.example>` (default: confide@ the public URL's host). */
    CONFIDE_MAIL_FROM: z.string().regex(/@/, 'must contain an e-mail address, e.g. confide@report.example').optional(),
    /** Hours before a deadline that the people on a case are reminded (urgent cases: a quarter of their response time). */
    CONFIDE_REMINDER_HOURS: int(48, 1, 24 * 90),
    /** Fewest minutes between two notice mails to one person; everything pending goes into one mail. */
    CONFIDE_NOTIFY_INTERVAL_MINUTES: int(15, 1, 7 * 24 * 60),
    /** Days before a closed case's retention ends that the supervisors (oversight officers) holding it are reminded. */
    CONFIDE_RETENTION_REMINDER_DAYS: int(14, 1, 365),
    /** Hours before a file-store blob that no file references (an upload that never finished) is removed. */
    CONFIDE_UPLOAD_GRACE_HOURS: int(24, 1, 24 * 30),
    /**
     * Staff roles that must sign in with a TOTP code (RFC 6238) as well as the password, comma-separated, or `none`.
     * Default: every staff role. A user of such a role without TOTP can sign in only to set it up.
     */
    CONFIDE_TOTP_REQUIRED_ROLES: z
      .string()
      .default(ROLES.join(','))
      .transform((v, ctx) => {
        if (v.trim().toLowerCase() === 'none') return [] as Role[];
        const roles = v
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean);
        const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
        if (unknown.length > 0 || roles.length === 0)
          ctx.addIssue({
            code: 'custom',
            message: `unknown role ${unknown.map((r) => `"${r}"`).join(', ') || '(empty)'}: give a comma-separated list of ${ROLES.join(', ')}, or none`,
          });
        return [...new Set(roles)] as Role[];
      }),
    /**
     * E-mail intake (off unless CONFIDE_MAIL_SMTP_PORT or CONFIDE_MAIL_IMAP_URL is set): the category e-mails become
     * reports in, its long-text field for Subject and body (default: its first), fixed answers to its other required
     * questions (`field=value,…`, e.g. `danger=unsure`), and the identity fields for the sender's name and address
     * (default `name` and `contact` when the profile has them; `none` for neither).
     */
    CONFIDE_MAIL_CATEGORY: z.string().min(1).optional(),
    CONFIDE_MAIL_TEXT_FIELD: z.string().min(1).optional(),
    CONFIDE_MAIL_ANSWERS: z
      .string()
      .default('')
      .transform((v, ctx) => {
        const pairs = v
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => p.split('='));
        if (pairs.some((p) => p.length !== 2 || !p[0]!.trim() || !p[1]!.trim()))
          ctx.addIssue({ code: 'custom', message: 'must be field=value pairs, comma-separated, e.g. danger=unsure' });
        return Object.fromEntries(pairs.map(([k, val]) => [k!.trim(), val!.trim()]));
      }),
    CONFIDE_MAIL_NAME_FIELD: z.string().optional(),
    CONFIDE_MAIL_ADDRESS_FIELD: z.string().optional(),
    /** Reply to each e-mail report with its receipt and a warning that e-mail is not anonymous (needs CONFIDE_SMTP_URL). */
    CONFIDE_MAIL_AUTO_REPLY: flag,
    /** Port of the SMTP receiver for reports (unset: no receiver). */
    CONFIDE_MAIL_SMTP_PORT: int(0, 0, 65535).optional(),
    /** Address the SMTP receiver listens on. */
    CONFIDE_MAIL_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
    /** Addresses the receiver takes mail for, comma-separated (others are refused with 550). */
    CONFIDE_MAIL_RECIPIENTS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((a) => a.trim().toLowerCase())
          .filter(Boolean),
      ),
    /** Largest message the receiver takes, in bytes (SIZE; default 25 MiB; more is refused with 552). */
    CONFIDE_MAIL_MAX_BYTES: int(25 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    /** Messages one sender (envelope address, or client address) may send in a window before 450 "try later". */
    CONFIDE_MAIL_SENDER_LIMIT: int(20, 1, 100_000),
    CONFIDE_MAIL_SENDER_WINDOW_MINUTES: int(60, 1, 24 * 60),
    /** Mailbox polled for reports: `imaps://user:pass@imap.example:993/INBOX` (imap:// for no TLS; unset: no polling). */
    CONFIDE_MAIL_IMAP_URL: z
      .string()
      .regex(/^imaps?:\/\/[^/?#]+/, 'must look like imaps://user:pass@imap.example:993/INBOX')
      .optional(),
    /** What happens to a polled message once its report is stored: `delete`, or `move:Folder`. */
    CONFIDE_MAIL_IMAP_AFTER: z
      .string()
      .regex(/^(delete|move:.+)$/, 'must be delete or move:Folder, e.g. move:Archive')
      .default('delete'),
    /** Seconds between two polls of the mailbox. */
    CONFIDE_MAIL_IMAP_INTERVAL_SECONDS: int(60, 5, 24 * 3600),
    /** Seconds a client has to send a request's headers (slow-header clients are answered 408 and closed). */
    CONFIDE_HEADERS_TIMEOUT_SECONDS: int(30, 1, 600),
    /**
     * Seconds a client has to send a whole request, body included, answered 408 when it runs out. The default, half an
     * hour, lets the largest file at the default limit (100 MiB) arrive at 512 kbit/s; raise it with
     * CONFIDE_MAX_FILE_BYTES or for slower links.
     */
    CONFIDE_REQUEST_TIMEOUT_SECONDS: int(1800, 1, 24 * 3600),
    /** Seconds a connection may pass with no byte in either direction before it is answered (if it can be) and closed. */
    CONFIDE_IDLE_TIMEOUT_SECONDS: int(120, 1, 3600),
    /** Seconds an idle keep-alive connection stays open (longer than a proxy's own, commonly 60, so the proxy closes first). */
    CONFIDE_KEEPALIVE_TIMEOUT_SECONDS: int(72, 1, 3600),
    /**
     * Seconds SIGTERM/SIGINT lets requests in flight finish (new ones are answered 503) before the remaining connections
     * are closed; keep it below the stop timeout of what runs Confide (Docker: 10, Kubernetes: 30, systemd: 90).
     */
    CONFIDE_SHUTDOWN_GRACE_SECONDS: int(5, 0, 600),
    ...scaleEnv,
    /** Log level: fatal, error, warn, info, debug, silent. */
    CONFIDE_LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  })
  .superRefine((e, ctx) => {
    if (e.CONFIDE_HEADERS_TIMEOUT_SECONDS > e.CONFIDE_REQUEST_TIMEOUT_SECONDS)
      ctx.addIssue({
        code: 'custom',
        path: ['CONFIDE_HEADERS_TIMEOUT_SECONDS'],
        message: `must not be more than CONFIDE_REQUEST_TIMEOUT_SECONDS (${e.CONFIDE_REQUEST_TIMEOUT_SECONDS}), which counts the headers too`,
      });
    for (const who of ['STAFF', 'REPORTER'] as const)
      if (e[`CONFIDE_${who}_SESSION_IDLE_MINUTES`] > e[`CONFIDE_${who}_SESSION_MINUTES`])
        ctx.addIssue({
          code: 'custom',
          path: [`CONFIDE_${who}_SESSION_IDLE_MINUTES`],
          message: `must not be more than CONFIDE_${who}_SESSION_MINUTES (${e[`CONFIDE_${who}_SESSION_MINUTES`]}), the cap of a session: lower it, or raise the cap`,
        });
    if (e.CONFIDE_MAIL_SMTP_PORT && e.CONFIDE_MAIL_RECIPIENTS.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['CONFIDE_MAIL_RECIPIENTS'],
        message: 'must name the address(es) the SMTP receiver takes reports for, e.g. report@example.org',
      });
    const secure = e.CONFIDE_SECURE_COOKIES;
    if (e.CONFIDE_PUBLIC_URL?.startsWith('https://') && (secure === '0' || secure === 'false'))
      ctx.addIssue({
        code: 'custom',
        path: ['CONFIDE_SECURE_COOKIES'],
        message:
          'must not be 0 when CONFIDE_PUBLIC_URL is https (browsers would send the session cookie over plain HTTP): remove CONFIDE_SECURE_COOKIES',
      });
  });

export interface Config extends ScaleConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  profilesDir: string;
  /** CONFIDE_LANGUAGE: the deployment's default language, when it is not the profile's. */
  language: Language | undefined;
  argon2: { memoryCost: number; timeCost: number; parallelism: number };
  files: { maxFileBytes: number; maxFiles: number; maxCleanBytes: number };
  /**
   * Session lifetimes in minutes: a session ends `…IdleMinutes` after its last request, and `…Minutes` after sign-in
   * at the latest.
   */
  sessions: { staffIdleMinutes: number; staffMinutes: number; reporterIdleMinutes: number; reporterMinutes: number };
  demo: boolean;
  /** Cookies carry the Secure flag (also set per request when it arrived over HTTPS). */
  secureCookies: boolean;
  /** Proxy addresses whose X-Forwarded-* headers are believed (Fastify `trustProxy`), or false for none. */
  trustProxy: false | readonly string[];
  logLevel: string;
  /** Staff mail: SMTP URL (undefined: not configured) and sender. */
  mail: { smtpUrl: string | undefined; from: string };
  /** Reminder window (hours) and per-person mail interval (minutes). */
  notify: { reminderHours: number; intervalMinutes: number };
  /** Retention: days of notice before destruction; hours before an unreferenced blob counts as abandoned. */
  retention: { reminderDays: number; uploadGraceHours: number };
  /** Staff roles that must use TOTP two-factor sign-in (empty: none). */
  totpRequiredRoles: readonly Role[];
  /** How long a connection may take (milliseconds); see src/server/plugins/bounds.ts. */
  http: HttpBounds;
  /** E-mail intake: what a message becomes, and where it comes from (null: that way is off). */
  mailIntake: {
    mapping: MailIntakeConfig;
    smtp: { port: number; host: string; recipients: readonly string[]; maxBytes: number } | null;
    senderLimit: { limit: number; windowMs: number };
    imap: ImapIntakeConfig | null;
  };
}

/** Reads CONFIDE_MAIL_IMAP_URL's parts. */
function imapConfig(url: string, after: string, intervalSeconds: number): ImapIntakeConfig {
  const u = new URL(url);
  const secure = u.protocol === 'imaps:';
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(u.username),
    pass: decodeURIComponent(u.password),
    mailbox: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX',
    after: after === 'delete' ? { delete: true } : { moveTo: after.slice('move:'.length) },
    intervalMs: intervalSeconds * 1000,
  };
}

export interface HttpBounds {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  idleTimeoutMs: number;
  keepAliveTimeoutMs: number;
  shutdownGraceMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** @throws ConfigError naming every invalid variable, what is wrong and the fix. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Readonly<Config> {
  const parsed = Env.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (
    e.CONFIDE_PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`
  ).replace(/\/$/, '');
  const secure = e.CONFIDE_SECURE_COOKIES;
  const https = publicUrl.startsWith('https://');
  const dataDir = path.resolve(cwd, e.CONFIDE_DATA_DIR);
  return Object.freeze({
    ...scaleConfig(e, dataDir, cwd),
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    profilesDir: path.resolve(cwd, e.CONFIDE_PROFILES_DIR),
    language: e.CONFIDE_LANGUAGE,
    argon2: Object.freeze({
      memoryCost: e.CONFIDE_ARGON2_MEMORY_KIB,
      timeCost: e.CONFIDE_ARGON2_TIME_COST,
      parallelism: e.CONFIDE_ARGON2_PARALLELISM,
    }),
    files: Object.freeze({
      maxFileBytes: e.CONFIDE_MAX_FILE_BYTES,
      maxFiles: e.CONFIDE_MAX_FILES,
      maxCleanBytes: e.CONFIDE_MAX_CLEAN_BYTES,
    }),
    sessions: Object.freeze({
      staffIdleMinutes: e.CONFIDE_STAFF_SESSION_IDLE_MINUTES,
      staffMinutes: e.CONFIDE_STAFF_SESSION_MINUTES,
      reporterIdleMinutes: e.CONFIDE_REPORTER_SESSION_IDLE_MINUTES,
      reporterMinutes: e.CONFIDE_REPORTER_SESSION_MINUTES,
    }),
    demo: e.CONFIDE_DEMO,
    secureCookies: https || secure === '1' || secure === 'true',
    trustProxy: e.CONFIDE_TRUST_PROXY === false ? false : Object.freeze(e.CONFIDE_TRUST_PROXY),
    logLevel: e.CONFIDE_LOG_LEVEL,
    mail: Object.freeze({
      smtpUrl: e.CONFIDE_SMTP_URL,
      from: e.CONFIDE_MAIL_FROM ?? `Confide <confide@${new URL(publicUrl).hostname.replace(/^\[|\]$/g, '')}>`,
    }),
    notify: Object.freeze({
      reminderHours: e.CONFIDE_REMINDER_HOURS,
      intervalMinutes: e.CONFIDE_NOTIFY_INTERVAL_MINUTES,
    }),
    retention: Object.freeze({
      reminderDays: e.CONFIDE_RETENTION_REMINDER_DAYS,
      uploadGraceHours: e.CONFIDE_UPLOAD_GRACE_HOURS,
    }),
    totpRequiredRoles: Object.freeze(e.CONFIDE_TOTP_REQUIRED_ROLES),
    http: Object.freeze({
      headersTimeoutMs: e.CONFIDE_HEADERS_TIMEOUT_SECONDS * 1000,
      requestTimeoutMs: e.CONFIDE_REQUEST_TIMEOUT_SECONDS * 1000,
      idleTimeoutMs: e.CONFIDE_IDLE_TIMEOUT_SECONDS * 1000,
      keepAliveTimeoutMs: e.CONFIDE_KEEPALIVE_TIMEOUT_SECONDS * 1000,
      shutdownGraceMs: e.CONFIDE_SHUTDOWN_GRACE_SECONDS * 1000,
    }),
    mailIntake: Object.freeze({
      mapping: {
        categoryId: e.CONFIDE_MAIL_CATEGORY,
        textField: e.CONFIDE_MAIL_TEXT_FIELD,
        answers: e.CONFIDE_MAIL_ANSWERS,
        nameField: e.CONFIDE_MAIL_NAME_FIELD,
        addressField: e.CONFIDE_MAIL_ADDRESS_FIELD,
        autoReply: e.CONFIDE_MAIL_AUTO_REPLY,
      },
      smtp: e.CONFIDE_MAIL_SMTP_PORT
        ? {
            port: e.CONFIDE_MAIL_SMTP_PORT,
            host: e.CONFIDE_MAIL_SMTP_HOST,
            recipients: e.CONFIDE_MAIL_RECIPIENTS,
            maxBytes: e.CONFIDE_MAIL_MAX_BYTES,
          }
        : null,
      senderLimit: { limit: e.CONFIDE_MAIL_SENDER_LIMIT, windowMs: e.CONFIDE_MAIL_SENDER_WINDOW_MINUTES * 60_000 },
      imap: e.CONFIDE_MAIL_IMAP_URL
        ? imapConfig(e.CONFIDE_MAIL_IMAP_URL, e.CONFIDE_MAIL_IMAP_AFTER, e.CONFIDE_MAIL_IMAP_INTERVAL_SECONDS)
        : null,
    }),
  });
}
