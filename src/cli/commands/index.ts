import { auditVerify } from './audit.ts';
import { backup, restore } from './backup.ts';
import { importEml } from './import-eml.ts';
import { migrate } from './migrate.ts';
import { retentionRun } from './retention.ts';
import { userAdd, userDisable, userEmail, userEnable, userResetPassword, userUnlock } from './user.ts';
import { userCategories } from './user-categories.ts';
import type { Command } from './command.ts';

export type { Command, Io } from './command.ts';

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
    importEml,
    backup,
    restore,
  ].map((c) => [c.name, c]),
);
