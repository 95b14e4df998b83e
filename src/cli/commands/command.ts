/** The shape of one `npx confide` command and the streams it talks through. */
import type { Readable, Writable } from 'node:stream';
import type { ParseArgsConfig } from 'node:util';

/** Where a command writes (stdout, stderr) and reads a typed-in secret from (stdin, a TTY when interactive). */
export interface Io {
  out: Writable;
  err: Writable;
  stdin: Readable & { isTTY?: boolean };
}

/** A command: its name, one-line summary, help text, options, and what it runs (resolves to the exit code). */
export interface Command {
  name: string;
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[], io: Io): Promise<number>;
}
