import fs from 'node:fs';
import readline from 'node:readline';
import { verifyAuditChain, verifyAuditExport } from '../../domain/audit-verify.ts';
import type { Command, Io } from './index.ts';
import { withDeps } from './context.ts';

export const auditVerify: Command = {
  name: 'audit verify',
  summary: "Check the audit log's hash chain and name the first broken link",
  help: `Usage: npx confide audit verify [--file EXPORT.ndjson]

Reads the whole audit log and checks that each entry carries the hash of the one before it and of its own
content. Exits 0 when the chain is whole, 1 naming the first entry that was changed, removed or inserted.

With --file, checks an export of the log instead (downloaded by an oversight officer, one entry per line),
offline: no database is opened. An export of a date range starts from its first entry's previous hash, which is
printed so it can be compared with the log or an earlier export; the first broken line is named.`,
  options: { file: { type: 'string' } },
  async run(values, positionals, io) {
    if (positionals.length > 0) {
      io.err.write(`Unexpected argument "${positionals[0]}".\n\n${this.help}\n`);
      return 2;
    }
    if (typeof values.file === 'string') return verifyFile(values.file, io);
    const result = await withDeps((deps) => verifyAuditChain(deps));
    if (result.ok) {
      io.out.write(`The audit log is whole: ${result.entries} entries, each linked to the one before.\n`);
      return 0;
    }
    io.err.write(
      `The audit log is broken at entry ${result.seq}: ${result.message}. ${result.entries} entries before it are whole.\n`,
    );
    return 1;
  },
};

async function verifyFile(file: string, io: Io): Promise<number> {
  let stream: fs.ReadStream;
  try {
    const fd = await fs.promises.open(file, 'r');
    stream = fd.createReadStream({ encoding: 'utf8' });
  } catch (error) {
    io.err.write(`The file "${file}" cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).\n`);
    return 2;
  }
  const result = await verifyAuditExport(readline.createInterface({ input: stream, crlfDelay: Infinity }));
  if (!result.ok) {
    io.err.write(
      `The export is broken at ${result.message}. ${result.entries} ${result.entries === 1 ? 'entry' : 'entries'} before it are whole.\n`,
    );
    return 1;
  }
  if (result.first === null) {
    io.out.write('The export holds no entries.\n');
    return 0;
  }
  const start =
    result.first === 1
      ? 'It starts at the beginning of the log.'
      : `Its first entry follows entry ${result.first - 1}, whose hash must be ${result.startsAfter}: compare it with the log or an earlier export.`;
  io.out.write(
    `The export is whole: ${result.entries} entries (${result.first} to ${result.last}), each linked to the one before. ${start}\n`,
  );
  return 0;
}
