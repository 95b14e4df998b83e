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
});
