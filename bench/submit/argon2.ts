/**
 * The ceiling for submissions: Argon2id hashes per second with the server's parameters, through the same call
 * (deriveSecretKeys, on the libuv thread pool) and with as many derivations in flight as the load has
 * connections, over the same duration. A submission cannot go faster than its one Argon2id. Run inside the app's
 * process (app-server.ts), so that it gets the same thread pool.
 */
import type { Argon2Params } from '../../src/crypto/kdf.ts';
import { deriveSecretKeys, newSalt } from '../../src/crypto/kdf.ts';
import { generateReceipt } from '../../src/crypto/receipt.ts';
import { wipe } from '../../src/crypto/sodium.ts';

export interface Argon2Result {
  /** hashes completed within the measured time, per second */
  perSecond: number;
  hashes: number;
  /** seconds */
  duration: number;
}

/**
 * Runs `concurrency` loops of deriveSecretKeys for `duration` seconds; hashes still running at the end are
 * awaited but not counted (autocannon does not count unanswered requests either).
 */
export async function argon2Throughput(
  params: Argon2Params,
  concurrency: number,
  duration: number,
): Promise<Argon2Result> {
  const start = performance.now();
  const end = start + duration * 1000;
  let hashes = 0;
  const loop = async () => {
    while (performance.now() < end) {
      const { verifier, kek } = await deriveSecretKeys(generateReceipt().secret, newSalt(), params);
      wipe(kek);
      wipe(verifier);
      if (performance.now() <= end) hashes++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const measured = Math.min(performance.now(), end) - start;
  return { perSecond: hashes / (measured / 1000), hashes, duration: measured / 1000 };
}

/** Two measurements as one (halves taken before and after the submissions). */
export function combineArgon2(a: Argon2Result, b: Argon2Result): Argon2Result {
  const duration = a.duration + b.duration;
  return { perSecond: (a.hashes + b.hashes) / duration, hashes: a.hashes + b.hashes, duration };
}
