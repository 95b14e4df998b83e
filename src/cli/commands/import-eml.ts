import fs from 'node:fs/promises';
import { loadConfig } from '../../server/core/config.ts';
import { resolveMailIntake } from '../../domain/email/mail-settings.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Command } from './command.ts';
import { Refusal, withDeps } from './context.ts';

export const importEml: Command = {
  name: 'import-eml',
  summary: 'Make reports of saved e-mails (.eml files)',
  help: `Usage: npx confide import-eml [--category ID] FILE…

Takes saved e-mails (RFC 5322 .eml files, as a mail program saves them) in as reports, exactly as the SMTP
receiver and IMAP polling do: each becomes a sealed report in the e-mail category (CONFIDE_MAIL_CATEGORY, with
CONFIDE_MAIL_TEXT_FIELD, CONFIDE_MAIL_ANSWERS and the identity fields), its attachments cleaned like any upload.
A message already taken in (same Message-ID) makes no second report. With CONFIDE_MAIL_AUTO_REPLY the sender is
sent the receipt. Prints one line per file: its report reference, "already received", or why it failed; exits 1
when any failed. Delete the files afterwards: they hold the report in clear.

Options:
  --category ID  the category to use instead of CONFIDE_MAIL_CATEGORY`,
  options: { category: { type: 'string' } },
  async run(values, positionals, io) {
    if (positionals.length === 0) {
      io.err.write(`Give at least one .eml file.\n\n${this.help}\n`);
      return 2;
    }
    const config = loadConfig();
    const category = typeof values.category === 'string' ? values.category : config.mailIntake.mapping.categoryId;
    const log = { warn: (_: object, msg: string) => void io.err.write(`${msg}\n`) };
    let failed = 0;
    // Loaded here, not with the CLI: mailparser and its HTML and charset libraries would slow every other command.
    const { receiveMail } = await import('../../domain/email/mail.ts');
    await withDeps(io, async (deps) => {
      let settings;
      try {
        settings = resolveMailIntake(deps.profile(), { ...config.mailIntake.mapping, categoryId: category });
      } catch (error) {
        throw new Refusal(`${(error as Error).message} Or give --category ID. Nothing was imported.`);
      }
      for (const file of positionals) {
        try {
          const outcome = await receiveMail(deps, settings, await fs.readFile(file), log);
          io.out.write(
            `${file}: ${outcome.status === 'stored' ? `stored as ${outcome.reference}${outcome.autoReplied ? ' (receipt mailed to the sender)' : ''}` : 'already received'}\n`,
          );
        } catch (error) {
          failed++;
          const code = (error as NodeJS.ErrnoException).code;
          const why =
            error instanceof DomainError
              ? error.message
              : code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES'
                ? `the file cannot be read (${code})`
                : `${(error as Error).message} (nothing was stored; run the command again for this file)`;
          io.out.write(`${file}: failed: ${why}\n`);
        }
      }
    });
    return failed > 0 ? 1 : 0;
  },
};
