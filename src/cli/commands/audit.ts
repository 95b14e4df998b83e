import { verifyAuditChain } from '../../domain/audit-verify.ts';
import type { Command } from './index.ts';
import { withDeps } from './context.ts';

export const auditVerify: Command = {
  name: 'audit verify',
  summary: "Check the audit log's hash chain and name the first broken link",
  help: `Usage: npx confide audit verify

Reads the whole audit log and checks that each entry carries the hash of the one before it and of its own
content. Exits 0 when the chain is whole, 1 naming the first entry that was changed, removed or inserted.`,
  options: {},
  async run(_values, positionals, io) {
    if (positionals.length > 0) {
      io.err.write(`Unexpected argument "${positionals[0]}".\n\n${this.help}\n`);
      return 2;
    }
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
