/** Opens the same dependencies the server uses, for one command, and closes them afterwards. */
import { loadConfig } from '../../server/config.ts';
import { buildDeps } from '../../server/deps.ts';
import type { Deps } from '../../domain/deps.ts';

export async function withDeps<T>(fn: (deps: Deps) => Promise<T>): Promise<T> {
  const { deps, close } = await buildDeps(loadConfig());
  try {
    return await fn(deps);
  } finally {
    await close();
  }
}
