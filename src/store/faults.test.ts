import net from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { storageFaultCode } from './faults.ts';

const fault = (code: string, extra: object = {}) => Object.assign(new Error(code), { code, ...extra });

describe('storage faults', () => {
  it('knows full, read-only and failing storage of SQLite, PostgreSQL and the file system', () => {
    expect(
      [
        fault('SQLITE_FULL'),
        fault('SQLITE_READONLY_DIRECTORY'),
        fault('SQLITE_IOERR_WRITE'),
        fault('53100'),
        fault('25006'),
        fault('ENOSPC', { syscall: 'write' }),
        fault('EROFS', { syscall: 'open' }),
        fault('ENOENT', { syscall: 'mkdir' }),
        new Error('wrapped', { cause: fault('EDQUOT') }),
      ].map(storageFaultCode),
    ).toEqual([
      'SQLITE_FULL',
      'SQLITE_READONLY_DIRECTORY',
      'SQLITE_IOERR_WRITE',
      '53100',
      '25006',
      'ENOSPC',
      'EROFS',
      'ENOENT',
      'EDQUOT',
    ]);
  });

  it('leaves faults of the code, missing files and constraint violations alone', () => {
    expect(
      [
        new TypeError('x is undefined'),
        fault('SQLITE_CONSTRAINT_UNIQUE'),
        fault('23505'),
        fault('ENOENT', { syscall: 'open' }),
        fault('SQLITE_ERROR'),
        null,
        'SQLITE_FULL',
      ].map(storageFaultCode),
    ).toEqual([null, null, null, null, null, null, null]);
  });

  it('knows a PostgreSQL server that refuses connections or does not answer in time', async () => {
    // A port that was free a moment ago: nothing listens there.
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const refused = await new pg.Client({ host: '127.0.0.1', port: closed }).connect().catch((e: unknown) => e);
    expect(storageFaultCode(refused)).toBe('ECONNREFUSED');

    // A server that accepts and never answers: the pool gives up after its connection timeout.
    const silent = net.createServer(() => {}).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    const pool = new pg.Pool({
      host: '127.0.0.1',
      port: (silent.address() as net.AddressInfo).port,
      connectionTimeoutMillis: 50,
    });
    const timedOut = await pool.query('select 1').catch((e: unknown) => e);
    await pool.end();
    silent.close();
    expect(storageFaultCode(timedOut)).toBe('Connection terminated due to connection timeout');
  });
});
