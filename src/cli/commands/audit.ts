import fs from 'node:fs';
import readline from 'node:readline';
import { compareHead, verifyAuditChain, verifyAuditExport, type AuditHead } from '../../domain/audit/verify.ts';
import { openDatabase } from '../../store/database.ts';
import { requireInstallation } from './context.ts';
import type { Command, Io } from './command.ts';

const HEAD = /^(\d+):([0-9a-f]{64})$/i;

export const auditVerify: Command = {
  name: 'audit verify',
  summary: "Check the audit log's hash chain and name the first broken link",
  help: `Usage: npx confide audit verify [--expect-head SEQ:HASH] [--file EXPORT.ndjson]

Reads the whole audit log and checks that each entry carries the hash of the one before it and of its own
content. Exits 0 when the chain is whole, 1 naming the first entry that was changed, removed or inserted (or when
the log holds no entries), 2 when there is no database (nothing is created). It opens the database the server
uses: SQLite in CONFIDE_DATA_DIR, or DATABASE_URL.

It prints the head: the last entry's sequence number and hash. Write it down somewhere else (a ticket, a paper
log): the chain alone cannot show that the newest entries were removed, because what is left is still whole.
With --expect-head SEQ:HASH (a head written down earlier), it also fails (exit 1) when entry SEQ no longer has
that hash or is gone with the entries after it.

With --file, checks an export of the log instead (downloaded by an oversight officer, one entry per line),
offline: no database is opened. An export of a date range starts from its first entry's previous hash, which is
printed so it can be compared with the log or an earlier export; the first broken line is named.`,
  options: { file: { type: 'string' }, 'expect-head': { type: 'string' } },
  async run(values, positionals, io) {
    if (positionals.length > 0) {
      io.err.write(`Unexpected argument "${positionals[0]}".\n\n${this.help}\n`);
      return 2;
    }
    let expected: AuditHead | null = null;
    if (values['expect-head'] !== undefined) {
      const m = HEAD.exec(String(values['expect-head']).trim());
      if (!m) {
        io.err.write(
          '--expect-head takes SEQ:HASH, the head an earlier run printed: a sequence number, a colon and 64 hexadecimal digits.\n',
        );
        return 2;
      }
      expected = { seq: Number(m[1]), hash: m[2]!.toLowerCase() };
    }
    if (typeof values.file === 'string') return verifyFile(values.file, expected, io);
    return verifyDatabase(expected, io);
  },
};

/** Checks the database the server uses, creating nothing: no data folder, no SQLite file, no file store. */
async function verifyDatabase(expected: AuditHead | null, io: Io): Promise<number> {
  const opened = openDatabase(await requireInstallation(io));
  try {
    let result;
    try {
      result = await verifyAuditChain(opened);
    } catch (error) {
      io.err.write(
        `The audit log cannot be read (${(error as Error).message}). Check that this is the database of a Confide installation that has been set up.\n`,
      );
      return 2;
    }
    if (!result.ok) {
      io.err.write(
        `The audit log is broken at entry ${result.seq}: ${result.message}. ${result.entries} entries before it are whole.\n`,
      );
      return 1;
    }
    if (!result.head) {
      io.err.write(
        'The audit log holds no entries. A Confide installation that has been set up always has some: if this one was, its log was emptied.\n',
      );
      return 1;
    }
    io.out.write(`The audit log is whole: ${result.entries} entries, each linked to the one before.\n`);
    io.out.write(`Head: ${result.head.seq}:${result.head.hash}\n`);
    if (!expected) {
      io.out.write(
        'Write the head down somewhere else; a later run with --expect-head and it shows whether the newest entries were removed.\n',
      );
      return 0;
    }
    const problem = await compareHead(opened, result.head, expected);
    if (problem) {
      io.err.write(`The audit log does not match the head written down: ${problem}.\n`);
      return 1;
    }
    io.out.write(`Entry ${expected.seq} still has the hash written down, and every entry after it is linked to it.\n`);
    return 0;
  } finally {
    await opened.close();
  }
}

async function verifyFile(file: string, expected: AuditHead | null, io: Io): Promise<number> {
  let stream: fs.ReadStream;
  try {
    const fd = await fs.promises.open(file, 'r');
    stream = fd.createReadStream({ encoding: 'utf8' });
  } catch (error) {
    io.err.write(`The file "${file}" cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).\n`);
    return 2;
  }
  const result = await verifyAuditExport(
    readline.createInterface({ input: stream, crlfDelay: Infinity }),
    expected?.seq,
  );
  if (!result.ok) {
    io.err.write(
      `The export is broken at ${result.message}. ${result.entries} ${result.entries === 1 ? 'entry' : 'entries'} before it are whole.\n`,
    );
    return 1;
  }
  if (result.first === null || result.last === null) {
    io.err.write(`The export "${file}" holds no entries: download it again, or choose a range with entries.\n`);
    return 1;
  }
  const start =
    result.first === 1
      ? 'It starts at the beginning of the log.'
      : `Its first entry follows entry ${result.first - 1}, whose hash must be ${result.startsAfter}: compare it with the log or an earlier export.`;
  io.out.write(
    `The export is whole: ${result.entries} entries (${result.first} to ${result.last}), each linked to the one before. ${start}\n`,
  );
  io.out.write(`Head: ${result.last}:${result.lastHash}\n`);
  if (!expected) return 0;
  if (expected.seq < result.first) {
    io.err.write(`The export starts at entry ${result.first}, after entry ${expected.seq}: it cannot be compared.\n`);
    return 2;
  }
  const problem =
    expected.seq > result.last
      ? `it ends at entry ${result.last}, but entry ${expected.seq} was written down: the newest entries, from ${result.last + 1} on, are missing`
      : result.watchedHash !== expected.hash
        ? `its entry ${expected.seq} has another hash (${result.watchedHash})`
        : null;
  if (problem) {
    io.err.write(`The export does not match the head written down: ${problem}.\n`);
    return 1;
  }
  io.out.write(`Entry ${expected.seq} still has the hash written down, and every entry after it is linked to it.\n`);
  return 0;
}
