/**
 * Servers under test run in their own process (as in production), so the load generator does not share their
 * event loop. Parent side: `startServer(entry)` forks `entry` (same tsx loader), waits for its port, and can
 * `call` a command the child offers (e.g. measuring Argon2id inside the server's own process).
 * Child side: `serveInChild(start)` starts, reports the port, answers calls, and closes on request, Ctrl-C or a
 * lost parent.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { onCleanup } from './cleanup.ts';

export interface StartedServer {
  port: number;
  pid: number;
  /** Runs a command of the child's. @throws Error with the child's message, or when the child exits first */
  call<T>(command: string, args: unknown): Promise<T>;
  /** Closes the server and waits for its process to exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

export type Commands = Record<string, (args: never) => Promise<unknown>>;

type ToParent =
  | { type: 'listening'; port: number }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; value?: unknown; error?: string };
type ToChild = 'stop' | { type: 'call'; id: number; command: string; args: unknown };

/**
 * @param entry absolute path of a module that calls `serveInChild`
 * @param options.execArgv extra Node flags for the child, e.g. `--cpu-prof`
 * @throws Error with the child's message or the tail of its stderr when it does not start
 */
export async function startServer(
  entry: string,
  options: { env?: Record<string, string>; execArgv?: string[]; name: string },
): Promise<StartedServer> {
  const child = fork(entry, [], {
    execArgv: [...process.execArgv, ...(options.execArgv ?? [])],
    env: { ...process.env, ...options.env },
    // stdout is the server's request log: discarded (but still written, as in production).
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      for (const p of pending.values()) p.reject(new Error(`${options.name} exited (code ${code}):\n${stderr}`));
      resolve();
    }),
  );
  const stop = () => stopChild(child, exited);
  const unregister = onCleanup(`stop ${options.name}`, stop);

  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: ToParent) => {
      if (m.type === 'listening') resolve(m.port);
      else if (m.type === 'failed') reject(new Error(`${options.name}: ${m.message}`));
      else {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.error === undefined) p?.resolve(m.value);
        else p?.reject(new Error(`${options.name}: ${m.error}`));
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`${options.name} exited (code ${code}) before listening:\n${stderr}`)),
    );
  }).catch(async (error: unknown) => {
    await stop();
    unregister();
    throw error;
  });
  let nextId = 0;
  return {
    port,
    pid: child.pid!,
    call<T>(command: string, args: unknown) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ type: 'call', id, command, args } satisfies ToChild);
      });
    },
    async stop() {
      await stop();
      unregister();
    },
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (child.connected) child.send('stop' satisfies ToChild);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Child side. `start` listens on 127.0.0.1 and a free port, and returns the port, how to close, and commands. */
export function serveInChild(
  start: () => Promise<{ port: number; close(): Promise<void>; commands?: Commands }>,
): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('serveInChild: run me with startServer (bench/lib/child.ts)');
  let server: { close(): Promise<void>; commands?: Commands } | undefined;
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server?.close();
    process.exit(0); // exit (not a kill) so that --cpu-prof writes its profile
  };
  process.on('message', (m: ToChild) => {
    if (m === 'stop') return void shutdown();
    const command = server?.commands?.[m.command];
    if (!command) return void send({ type: 'result', id: m.id, error: `no command "${m.command}"` } satisfies ToParent);
    command(m.args as never).then(
      (value) => send({ type: 'result', id: m.id, value } satisfies ToParent),
      (error: unknown) =>
        send({ type: 'result', id: m.id, error: String((error as Error).stack ?? error) } satisfies ToParent),
    );
  });
  process.on('disconnect', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  start().then(
    (started) => {
      server = started;
      send({ type: 'listening', port: started.port } satisfies ToParent);
    },
    (error: unknown) => {
      send({ type: 'failed', message: (error as Error).stack ?? String(error) } satisfies ToParent, () =>
        process.exit(1),
      );
    },
  );
}
