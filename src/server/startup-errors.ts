/** Start-up failures a person can fix, in words that name the setting and the fix; null for anything else. */
import { storageFaultCode } from '../store/faults.ts';
import { ConfigError } from './core/config.ts';

/**
 * @param dataDir CONFIDE_DATA_DIR as configured (absolute), when the configuration was read
 * @returns one paragraph for standard error (no stack trace), or null when the error is not one of these
 */
export function explainStartupError(error: unknown, dataDir?: string): string | null {
  const e = error as NodeJS.ErrnoException & { name?: string; cause?: unknown };
  if (
    error instanceof ConfigError ||
    e?.name === 'ProfileError' ||
    e?.name === 'MailSettingsError' ||
    e?.name === 'BlobStoreError'
  )
    return e.message;
  const code = e?.code ?? (e?.cause as NodeJS.ErrnoException | undefined)?.code;
  const text = String(e?.message ?? '');
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === '28P01' || code === '3D000')
    return `the database named by DATABASE_URL cannot be used (${code}: ${text.replace(/^migration \? failed: /, '')}). Check that PostgreSQL is running, and the host, port, user, password and database name in DATABASE_URL.`;
  if ((code === 'EEXIST' || code === 'ENOTDIR') && /mkdir/.test(text))
    return `CONFIDE_DATA_DIR must be a folder (or not exist yet), but ${e.path ?? 'it'} is a file. Choose another folder.`;
  if ((code === 'EACCES' || code === 'EPERM') && e.syscall === 'listen')
    return `no permission to listen on this port (${code}: ${text}). A PORT below 1024 needs privileges: choose 1024 or above and put a proxy in front.`;
  if (code === 'EADDRINUSE') return `the port is in use (${text}). Stop the other program or choose another PORT.`;
  if (code === 'EADDRNOTAVAIL')
    return `HOST is not an address of this machine (${text}). Use 127.0.0.1, 0.0.0.0 or one of this machine's addresses.`;
  const storage = storageFaultCode(error);
  if (storage !== null && /^\d|^5/.test(storage))
    return `the database named by DATABASE_URL takes no writes (${storage}: ${text}). Point DATABASE_URL at the primary server (not a standby), make the database writable (ALTER DATABASE … RESET default_transaction_read_only), or free disk space on the database server.`;
  if (storage !== null) {
    const folder = dataDir ?? 'CONFIDE_DATA_DIR';
    // A system error's message already names its code and path (EACCES: permission denied, mkdir '…').
    const detail = e.syscall ? text : `${storage}: ${text}`;
    return `the data folder ${folder} (CONFIDE_DATA_DIR) cannot be written (${detail}). Confide keeps its database and the uploaded files there. Make the folder and everything in it writable by the user Confide runs as (for example \`chown -R confide: ${folder}\`), free disk space if it is full, or set CONFIDE_DATA_DIR to a writable folder.`;
  }
  return null;
}
