/**
 * The real server as a process (src/server/main.ts through tsx), for what only a process shows: signals, exit codes,
 * start-up on a broken data folder. Its standard output and error are collected line by line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Every line written so far, standard output and error together. */
  lines: string[];
  /** Resolves with the first line matching `pattern` (already written or to come); rejects after `deadlineMs`. */
  waitFor(pattern: RegExp, deadlineMs: number): Promise<string>;
  /** Resolves with the exit code (null when killed by a signal), or 'running' when still running after `deadlineMs`. */
  exit(deadlineMs: number): Promise<number | null | 'running'>;
  /** Kills the process if it still runs. */
  kill(): void;
}

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts the server with `env` on top of low Argon2 costs, no TOTP, info logs and a free port.
 * @param options.uid run as this user (root only), so that file modes apply as they do to an unprivileged server
 */
export async function spawnServer(env: Record<string, string>, options: { uid?: number } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      CONFIDE_ARGON2_MEMORY_KIB: '19456',
      CONFIDE_ARGON2_TIME_COST: '2',
      CONFIDE_TOTP_REQUIRED_ROLES: 'none',
      CONFIDE_LOG_LEVEL: 'info',
      // The pages in English, as the tests read them (the profile's own default is Chinese).
      CONFIDE_LANGUAGE: 'en',
      ...env,
    },
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiting = new Set<{ pattern: RegExp; resolve(line: string): void }>();
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        for (const w of waiting)
          if (w.pattern.test(line)) {
            waiting.delete(w);
            w.resolve(line);
          }
      }
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    port,
    lines,
    waitFor(pattern, deadlineMs) {
      const found = lines.find((l) => pattern.test(l));
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(w);
          reject(
            new Error(`no line matching ${pattern} within ${deadlineMs} ms; the server wrote:\n${lines.join('\n')}`),
          );
        }, deadlineMs);
        const w = {
          pattern,
          resolve: (line: string) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        waiting.add(w);
      });
    },
    exit(deadlineMs) {
      return Promise.race([
        exited,
        new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), deadlineMs).unref()),
      ]);
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
