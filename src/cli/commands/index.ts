import type { Readable, Writable } from 'node:stream';
import type { ParseArgsConfig } from 'node:util';
import { auditVerify } from './audit.ts';
import { migrate } from './migrate.ts';
import { retentionRun } from './retention.ts';
import { userAdd, userDisable, userEmail, userEnable, userResetPassword, userUnlock } from './user.ts';
import { userCategories } from './user-categories.ts';

export interface Io {
  out: Writable;
  err: Writable;
  stdin: Readable & { isTTY?: boolean };
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[], io: Io): Promise<number>;
}

export const commands: Record<string, Command> = Object.fromEntries(
  [
    userAdd,
    userDisable,
    userEnable,
    userUnlock,
    userEmail,
    userResetPassword,
    userCategories,
    auditVerify,
    retentionRun,
    migrate,
  ].map((c) => [c.name, c]),
);
