/**
 * Reading and writing the ZIP packages that Office documents are (OOXML and OpenDocument), with fflate.
 *
 * Reading is bounded against zip bombs before anything is inflated: at most `MAX_ENTRIES` entries, and at most
 * `maxUnzippedBytes(input)` bytes in all, counted from the sizes the central directory declares (fflate inflates
 * each entry into a buffer of exactly its declared size, so a lying header cannot make it grow further).
 * Writing is deterministic: entries in the order given, every one dated `FIXED_DATE`, no extra fields.
 */
import { unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { detail } from './outcome.ts';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** Most entries a package may hold: real documents have tens, large spreadsheets a few hundred. */
export const MAX_ENTRIES = 2000;
/** Most bytes a package may unzip to in all, whatever its size: 200 MiB. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** Small packages may always unzip to this much (XML compresses well): 16 MiB. */
const SMALL_PACKAGE_ALLOWANCE = 16 * 1024 * 1024;
/** Otherwise a package may unzip to at most this many times its own size. */
const MAX_RATIO = 20;

/** 1980-01-01 00:00 local time, the earliest date a ZIP entry can carry (fflate writes local DOS time). */
const FIXED_DATE = new Date(1980, 0, 1, 0, 0, 0);

/** Total uncompressed bytes allowed for a package of `inputBytes`: max(16 MiB, 20 × input), at most 200 MiB. */
export function maxUnzippedBytes(inputBytes: number): number {
  return Math.min(MAX_UNZIPPED_BYTES, Math.max(SMALL_PACKAGE_ALLOWANCE, MAX_RATIO * inputBytes));
}

export type ReadZip = { ok: true; entries: ZipEntry[] } | { ok: false; reason: 'bomb' | 'malformed'; detail: string };

class Refused extends Error {
  constructor(
    readonly reason: 'bomb' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Unzips a whole package into memory, in the order of its central directory.
 * @returns `bomb` past the bounds above; `malformed` for a damaged archive, duplicate names or an unknown
 *   compression method (fflate's message in `detail`)
 */
export function readZip(data: Uint8Array): ReadZip {
  const names: string[] = [];
  const seen = new Set<string>();
  const limit = maxUnzippedBytes(data.length);
  let total = 0;
  try {
    const files = unzipSync(data, {
      filter: (file) => {
        if (names.length >= MAX_ENTRIES) throw new Refused('bomb', `more than ${MAX_ENTRIES} entries`);
        total += file.originalSize;
        if (total > limit) throw new Refused('bomb', `unzips to more than ${limit} bytes`);
        if (seen.has(file.name)) throw new Refused('malformed', `the entry ${file.name} appears twice`);
        seen.add(file.name);
        names.push(file.name);
        return true;
      },
    });
    return { ok: true, entries: names.map((name) => ({ name, data: files[name] ?? new Uint8Array() })) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, detail: error.message };
    return { ok: false, reason: 'malformed', detail: detail(error) };
  }
}

/**
 * Writes `entries` in the order given. Entries named in `stored` are written uncompressed (OpenDocument's
 * `mimetype`, which must come first and be stored); the others are deflated.
 */
export function writeZip(entries: readonly ZipEntry[], stored: ReadonlySet<string> = new Set()): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const entry of entries) {
    const file = stored.has(entry.name) ? new ZipPassThrough(entry.name) : new ZipDeflate(entry.name, { level: 6 });
    file.mtime = FIXED_DATE;
    zip.add(file);
    file.push(entry.data, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}
