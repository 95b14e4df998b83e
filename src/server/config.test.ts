import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { DEFAULT_BOUNDS } from './plugins/bounds.ts';

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
