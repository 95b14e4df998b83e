/** Start-up failures a person can fix, in words that name the setting and the fix; null for anything else. */
import { ConfigError } from './config.ts';

export function explainStartupError(error: unknown): string | null {
  const e = error as NodeJS.ErrnoException & { name?: string; cause?: unknown };
  if (error instanceof ConfigError || e?.name === 'ProfileError') return e.message;
  const code = e?.code ?? (e?.cause as NodeJS.ErrnoException | undefined)?.code;
  const text = String(e?.message ?? '');
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === '28P01' || code === '3D000')
    return `the database named by DATABASE_URL cannot be used (${code}: ${text.replace(/^migration \? failed: /, '')}). Check that PostgreSQL is running, and the host, port, user, password and database name in DATABASE_URL.`;
  if ((code === 'EEXIST' || code === 'ENOTDIR') && /mkdir/.test(text))
    return `CONFIDE_DATA_DIR must be a folder (or not exist yet), but ${e.path ?? 'it'} is a file. Choose another folder.`;
  if (code === 'EACCES' || code === 'EPERM')
    return `no permission for ${e.path ?? 'a path'} (${code}). Check CONFIDE_DATA_DIR, or PORT below 1024, which needs privileges.`;
  if (code === 'EADDRINUSE') return `the port is in use (${text}). Stop the other program or choose another PORT.`;
  if (code === 'EADDRNOTAVAIL')
    return `HOST is not an address of this machine (${text}). Use 127.0.0.1, 0.0.0.0 or one of this machine's addresses.`;
  return null;
}
