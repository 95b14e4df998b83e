/**
 * Who writes a temporary file, so that a sweep can tell the leftovers of a process that died mid-write (kill -9, a
 * crash, a power cut) from a write still in progress, without waiting out the grace period. A writer is named by
 * its host (a hash of the host name), the host's boot (a hash of Linux's boot id), its process id and its start
 * time (clock ticks after boot, field 22 of /proc/PID/stat): together they name one process for good, where a
 * process id alone is reused. Without /proc (not Linux) nothing can be told, and the grace period decides.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

const short = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8);
/** `host-boot-pid-start`; boot and start are `x` when unknown. */
const TAG = /^([0-9a-f]{8})-([0-9a-f]{8}|x)-(\d+)-(\d+|x)$/;

function readIfAny(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ESRCH') return null;
    throw error;
  }
}

/** The start time of process `pid` in clock ticks after boot; null when there is no such process (or no /proc). */
function startOf(pid: number | 'self'): string | null {
  const stat = readIfAny(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing parenthesis.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

const host = short(os.hostname());
const bootId = readIfAny('/proc/sys/kernel/random/boot_id');
const boot = bootId ? short(bootId.trim()) : 'x';

/** This process's tag: `host-boot-pid-start` (hex, hex or x, decimal, decimal or x). */
export function currentWriter(): string {
  return `${host}-${boot}-${process.pid}-${(boot !== 'x' && startOf('self')) || 'x'}`;
}

/**
 * Whether the writer named by `tag` has certainly stopped: true when it ran on this host in an earlier boot, or its
 * process is gone (or its id now belongs to a process started at another time); false when it is running; null when
 * this cannot be told (another host, no /proc, a tag written by an older version).
 */
export function writerIsGone(tag: string): boolean | null {
  const m = TAG.exec(tag);
  if (!m || m[1] !== host || boot === 'x' || m[2] === 'x' || m[4] === 'x') return null;
  if (m[2] !== boot) return true;
  const start = startOf(Number(m[3]));
  return start !== m[4];
}
