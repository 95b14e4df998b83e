/**
 * `npm run bench:upload [-- --sizes 8,64,512] [--s3]` (MiB)
 *
 * With `--s3` the app stores the files in an S3-protocol server on loopback (s3rver, in this process) instead of
 * its data folder: uploads then go out in 8 MiB multipart parts as they are encrypted.
 *
 * Memory while receiving files: uploads one file of each size (random bytes, a kind whose metadata cannot be
 * removed, so it is only streamed and encrypted) through POST /api/v1/reports to the real app in its own process,
 * and reads the app's peak resident memory (VmHWM, /proc) after each. Streaming keeps the peak flat: the ratio is
 * the growth of the peak from the smallest to the largest upload ÷ the difference of their sizes (goal ≤ 0.25). Files metadata is removed
 * from (images, PDF, text) are held in memory up to CONFIDE_MAX_CLEAN_BYTES by design and are not measured here.
 */
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../lib/child.ts';
import { startS3Server } from '../../test/helpers/s3.ts';
import { cleanUpOnSignals, cleanup, onCleanup } from '../lib/cleanup.ts';
import { ANSWERS, SUBMIT_CATEGORY } from '../submit/body.ts';

const APP = fileURLToPath(new URL('../submit/app-server.ts', import.meta.url));
const MiB = 1024 * 1024;
const GOAL = 0.25;

/** Peak and current resident memory of a process, in bytes. */
function memoryOf(pid: number): { peak: number; now: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { peak: kib('VmHWM'), now: kib('VmRSS') };
}

/** Random bytes (incompressible, no format any cleaner knows), written a MiB at a time. */
function randomFile(file: string, bytes: number): void {
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(MiB);
  for (let written = 0; written < bytes; written += MiB) fs.writeSync(fd, randomFillSync(chunk));
  fs.closeSync(fd);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { sizes: { type: 'string', default: '8,64,512' }, s3: { type: 'boolean', default: false } },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s) * MiB);
  if (sizes.some((s) => !Number.isInteger(s) || s <= 0))
    throw new Error('--sizes takes MiB as whole numbers, e.g. 8,64,256');
  cleanUpOnSignals();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-bench-upload-'));
  onCleanup('remove temp folder', () => fs.rmSync(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, 'data');
  const s3 = values.s3 ? await startS3Server() : null;
  if (s3) onCleanup('stop the S3-protocol server', () => s3.close());
  const server = await startServer(APP, {
    name: 'app',
    env: {
      CONFIDE_DATA_DIR: dataDir,
      CONFIDE_MAX_FILE_BYTES: String(Math.max(...sizes)),
      CONFIDE_LOG_LEVEL: 'warn',
      ...(s3 ? s3.env('blobs') : {}),
    },
  });
  console.error(`blob store: ${s3 ? `S3 at ${s3.endpoint}` : 'the data folder'}`);
  try {
    const base = memoryOf(server.pid);
    console.error(`app started: resident ${(base.now / MiB).toFixed(1)} MiB, peak ${(base.peak / MiB).toFixed(1)} MiB`);
    const rows: { size: number; peak: number; seconds: number }[] = [];
    for (const size of sizes) {
      const file = path.join(dir, `upload-${size}.bin`);
      randomFile(file, size);
      const form = new FormData();
      form.append('category', SUBMIT_CATEGORY);
      form.append('answers', JSON.stringify(ANSWERS));
      form.append('files', await fs.openAsBlob(file), 'archive.bin');
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/reports`, { method: 'POST', body: form });
      if (res.status !== 201) throw new Error(`upload of ${size / MiB} MiB: ${res.status} ${await res.text()}`);
      const seconds = (performance.now() - started) / 1000;
      const peak = memoryOf(server.pid).peak;
      rows.push({ size, peak, seconds });
      console.error(`  ${size / MiB} MiB in ${seconds.toFixed(1)} s: peak resident ${(peak / MiB).toFixed(1)} MiB`);
      fs.rmSync(file);
    }
    // The first upload also pays for one Argon2id (64 MiB, the receipt) and warms the heap: compare the largest
    // upload with the smallest, so that only what grows with the file's size counts.
    const smallest = rows[0]!;
    const largest = rows.at(-1)!;
    if (rows.length < 2) throw new Error('give at least two --sizes');
    const growth = largest.peak - smallest.peak;
    const ratio = growth / (largest.size - smallest.size);
    const pass = ratio <= GOAL;
    console.log(
      `\npeak memory growth from the ${smallest.size / MiB} MiB to the ${largest.size / MiB} MiB upload: ` +
        `${(growth / MiB).toFixed(1)} MiB = ${ratio.toFixed(3)} of the extra ${(largest.size - smallest.size) / MiB} MiB ` +
        `(goal ≤ ${GOAL}): ${pass ? 'pass' : 'FAIL'}`,
    );
  } finally {
    await server.stop();
    await cleanup();
  }
}

main().catch(async (error: unknown) => {
  console.error(error);
  await cleanup();
  process.exit(1);
});
