/** Configuration: HTTPS behind a proxy, the Argon2id floor and connection bounds — what is accepted, and that a bad value names the fix. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { DEFAULT_BOUNDS } from '../plugins/bounds.ts';

const load = (env: Record<string, string>) => loadConfig({ CONFIDE_DATA_DIR: '/tmp/confide-config-test', ...env });

describe('CONFIDE_TRUST_PROXY', () => {
  it('believes no proxy by default', () => {
    expect(load({}).trustProxy).toBe(false);
    expect(load({ CONFIDE_TRUST_PROXY: 'off' }).trustProxy).toBe(false);
  });

  it('takes addresses and ranges, comma-separated', () => {
    expect(load({ CONFIDE_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it.each(['true', '*', '2'])('refuses %s, which would believe any client, and says what to give', (value) => {
    expect(() => load({ CONFIDE_TRUST_PROXY: value })).toThrow(
      `CONFIDE_TRUST_PROXY: "${value}" would believe forwarded headers from any client that reaches this server directly: give the address of your TLS proxy as this server sees it, e.g. 127.0.0.1, or a comma-separated list of addresses and ranges (10.0.0.0/8, ::1, loopback)`,
    );
  });

  it('names the entries that are not addresses', () => {
    expect(() => load({ CONFIDE_TRUST_PROXY: '127.0.0.1,proxy.local,10.0.0.0/33' })).toThrow(
      'CONFIDE_TRUST_PROXY: not an address or range: "proxy.local", "10.0.0.0/33": give the address',
    );
  });
});

describe('Secure cookies', () => {
  it('follow an https public URL', () => {
    expect(load({ CONFIDE_PUBLIC_URL: 'https://report.example' }).secureCookies).toBe(true);
    expect(load({ CONFIDE_PUBLIC_URL: 'http://report.example' }).secureCookies).toBe(false);
    expect(load({ CONFIDE_SECURE_COOKIES: '1' }).secureCookies).toBe(true);
  });

  it('cannot be switched off for an https public URL', () => {
    const attempt = () => load({ CONFIDE_PUBLIC_URL: 'https://report.example', CONFIDE_SECURE_COOKIES: '0' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(
      'CONFIDE_SECURE_COOKIES: must not be 0 when CONFIDE_PUBLIC_URL is https (browsers would send the session cookie over plain HTTP): remove CONFIDE_SECURE_COOKIES',
    );
  });
});

describe('Argon2id costs', () => {
  it('default to 64 MiB and 3 passes, and accept OWASP’s minimum of 19 MiB and 2 passes', () => {
    expect(load({}).argon2).toEqual({ memoryCost: 65536, timeCost: 3, parallelism: 1 });
    expect(load({ CONFIDE_ARGON2_MEMORY_KIB: '19456', CONFIDE_ARGON2_TIME_COST: '2' }).argon2).toEqual({
      memoryCost: 19456,
      timeCost: 2,
      parallelism: 1,
    });
  });

  it('refuse anything cheaper from the environment, saying what the floor is', () => {
    expect(() => load({ CONFIDE_ARGON2_MEMORY_KIB: '1024' })).toThrow(
      "CONFIDE_ARGON2_MEMORY_KIB: must be a whole number from 19456 to 4194304 (OWASP's minimum for Argon2id is 19456 (19 MiB))",
    );
    expect(() => load({ CONFIDE_ARGON2_TIME_COST: '1' })).toThrow(
      "CONFIDE_ARGON2_TIME_COST: must be a whole number from 2 to 100 (OWASP's minimum for Argon2id is 2 passes with 19 MiB)",
    );
  });
});

describe('Session lifetimes', () => {
  it('default to 30 idle minutes and 8 hours for staff, 20 idle minutes and 2 hours for reporters', () => {
    expect(load({}).sessions).toEqual({
      staffIdleMinutes: 30,
      staffMinutes: 480,
      reporterIdleMinutes: 20,
      reporterMinutes: 120,
    });
  });

  it('refuse an idle time longer than the cap', () => {
    expect(() => load({ CONFIDE_REPORTER_SESSION_IDLE_MINUTES: '90', CONFIDE_REPORTER_SESSION_MINUTES: '60' })).toThrow(
      'CONFIDE_REPORTER_SESSION_IDLE_MINUTES: must not be more than CONFIDE_REPORTER_SESSION_MINUTES (60), the cap of a session: lower it, or raise the cap',
    );
  });
});

describe('connection bounds in the configuration', () => {
  it('defaults to the bounds the app uses without configuration', () => {
    expect(loadConfig({}).http).toEqual(DEFAULT_BOUNDS);
  });

  it('takes seconds and keeps milliseconds', () => {
    const { http } = loadConfig({
      CONFIDE_HEADERS_TIMEOUT_SECONDS: '10',
      CONFIDE_REQUEST_TIMEOUT_SECONDS: '3600',
      CONFIDE_IDLE_TIMEOUT_SECONDS: '60',
      CONFIDE_KEEPALIVE_TIMEOUT_SECONDS: '5',
      CONFIDE_SHUTDOWN_GRACE_SECONDS: '0',
    });
    expect(http).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 3_600_000,
      idleTimeoutMs: 60_000,
      keepAliveTimeoutMs: 5_000,
      shutdownGraceMs: 0,
    });
  });

  it('refuses a headers bound longer than the request bound, which counts the headers too', () => {
    expect(() => loadConfig({ CONFIDE_HEADERS_TIMEOUT_SECONDS: '60', CONFIDE_REQUEST_TIMEOUT_SECONDS: '30' })).toThrow(
      new ConfigError(
        'Invalid configuration (see .env.example):\n  CONFIDE_HEADERS_TIMEOUT_SECONDS: must not be more than CONFIDE_REQUEST_TIMEOUT_SECONDS (30), which counts the headers too',
      ),
    );
    expect(() => loadConfig({ CONFIDE_IDLE_TIMEOUT_SECONDS: '0' })).toThrow(
      /CONFIDE_IDLE_TIMEOUT_SECONDS: must be a whole number from 1 to 3600/,
    );
  });
});
