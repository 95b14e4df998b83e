/**
 * Storage faults: the database or the file store cannot take writes right now (disk full, read-only, an I/O error,
 * no permission), as opposed to a fault in the code. They are the operator's to fix; a person who sent something is
 * told to try again later (src/server/core/errors.ts), and the log keeps the original error.
 * @see https://www.sqlite.org/rescode.html, https://www.postgresql.org/docs/current/errcodes-appendix.html
 */

/** SQLite result codes (better-sqlite3 `SqliteError.code`); extended codes start with these. */
const SQLITE = ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_PERM'];

/**
 * PostgreSQL SQLSTATEs: disk_full, read_only_sql_transaction, io_error, and the server shutting down or starting
 * (admin_shutdown, crash_shutdown, cannot_connect_now).
 */
const POSTGRES = new Set(['53100', '25006', '58030', '57P01', '57P02', '57P03']);

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
    if (POSTGRES.has(code) || SYSTEM.has(code)) return code;
    if (code === 'ENOENT' && e.syscall === 'mkdir') return code;
    e = e.cause as typeof e;
  }
  return null;
}
