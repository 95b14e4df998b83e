/**
 * The real Confide app for a benchmark child process: dependencies built from `config`, an optional `prepare`
 * step (users, checks), listening on 127.0.0.1 and a free port. Everything is closed again if a step fails.
 */
import { buildApp } from '../../src/server/app.ts';
import type { Config } from '../../src/server/core/config.ts';
import { buildDeps } from '../../src/server/deps.ts';
import type { Deps } from '../../src/domain/deps.ts';

export async function listenApp(
  config: Readonly<Config>,
  prepare: (deps: Deps) => Promise<void> = async () => {},
): Promise<{ port: number; deps: Deps; close(): Promise<void> }> {
  const built = await buildDeps(config);
  try {
    await prepare(built.deps);
    const app = await buildApp({
      deps: built.deps,
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      publicUrl: config.publicUrl,
      logLevel: config.logLevel,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no TCP address');
    return {
      port: address.port,
      deps: built.deps,
      close: async () => {
        await app.close();
        await built.close();
      },
    };
  } catch (error) {
    await built.close();
    throw error;
  }
}
