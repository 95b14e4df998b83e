/**
 * Storage faults: the database or the file store cannot take writes right now (disk full, read-only, an I/O error,
 * no permission, a database server that cannot be reached), as opposed to a fault in the code. They are the operator's to fix; a person who sent something is
 * told to try again later (src/server/core/errors.ts), and the log keeps the original error.
 * @see https://www.sqlite.org/rescode.html, https://www.postgresql.org/docs/current/errcodes-appendix.html
 */

/** SQLite result codes (better-sqlite3 `SqliteError.code`); extended codes start with these. */
const SQLITE = ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_PERM'];

/**
 * PostgreSQL SQLSTATEs: disk_full, read_only_sql_transaction, io_error, too_many_connections, the server shutting
 * down or starting (admin_shutdown, crash_shutdown, cannot_connect_now), and class 08, connection exceptions.
 */
const POSTGRES = new Set(['53100', '25006', '58030', '53300', '57P01', '57P02', '57P03']);

/** A database server that cannot be reached: refused, unreachable, timed out, or its name not found. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);

/** What node-postgres says, with no code, when no connection comes in time or one drops (pg-pool, pg client). */
const PG_CONNECTION_LOST =
  /^(timeout exceeded when trying to connect|Connection terminated unexpectedly|Connection terminated due to connection timeout)$/;

/** System errors of a file system that takes no more writes (or of a store folder that is not one). */
const SYSTEM = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EACCES', 'EPERM', 'ENOTDIR']);

/**
 * The code that makes `error` (or an error in its `cause` chain) a storage fault, e.g. `SQLITE_FULL`, `53100` or
 * `EROFS`; null when it is not one. ENOENT counts only from mkdir: the store's own folder is gone.
 */
export function storageFaultCode(error: unknown): string | null {
  for (
    let e = error as { code?: unknown; syscall?: unknown; cause?: unknown } | null, depth = 0;
    e && depth < 5;
    depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (SQLITE.some((c) => code === c || code.startsWith(`${c}_`))) return code;
    if (POSTGRES.has(code) || code.startsWith('08') || SYSTEM.has(code) || UNREACHABLE.has(code)) return code;
    if (!code && typeof (e as { message?: unknown }).message === 'string') {
      const message = (e as { message: string }).message;
      if (PG_CONNECTION_LOST.test(message)) return message;
    }
    if (code === 'ENOENT' && e.syscall === 'mkdir') return code;
    e = e.cause as typeof e;
  }
  return null;
}
