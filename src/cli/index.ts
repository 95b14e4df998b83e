/**
 * `npx confide` — administration commands. Each command validates its arguments, says which database it uses,
 * calls the domain and exits non-zero with a clear message on failure (2 when there is no installation to work on).
 */
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { commands, type Command } from './commands/index.ts';
import { Refusal } from './commands/context.ts';

const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

const USAGE = `Usage: npx confide <command> [options]

Commands:
${Object.values(commands)
  .map((c) => `  ${c.name.padEnd(14)} ${c.summary}`)
  .join('\n')}

Run \`npx confide <command> --help\` for a command's options.
Configuration comes from the environment (see .env.example): CONFIDE_DATA_DIR, DATABASE_URL, …`;

export async function run(
  argv: string[],
  io = { out: process.stdout, err: process.stderr, stdin: process.stdin },
): Promise<number> {
  const [first, second, ...rest] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    io.out.write(`${USAGE}\n`);
    return first ? 0 : 2;
  }
  if (first === '--version' || first === '-v') {
    io.out.write(`${VERSION}\n`);
    return 0;
  }
  const name = commands[`${first} ${second ?? ''}`] ? `${first} ${second}` : first;
  const command: Command | undefined = commands[name];
  const group = Object.values(commands).filter((c) => c.name.startsWith(`${first} `));
  if (!command && group.length > 0 && (second === undefined || second === '--help' || second === '-h')) {
    io.out.write(
      `Usage: npx confide ${first} <command> [options]\n\n${group.map((c) => `  ${c.name.padEnd(14)} ${c.summary}`).join('\n')}\n`,
    );
    return second ? 0 : 2;
  }
  if (!command) {
    io.err.write(`Unknown command "${[first, second].filter(Boolean).join(' ')}".\n\n${USAGE}\n`);
    return 2;
  }
  const args = name.includes(' ') ? rest : [second, ...rest].filter((a): a is string => a !== undefined);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err.write(`${(error as Error).message}\n\n${command.help}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.out.write(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, io);
  } catch (error) {
    if (error instanceof Refusal) {
      io.err.write(`${error.message}\n`);
      return 2;
    }
    io.err.write(`confide ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && /confide(\.js)?$|cli[\\/]index\.ts$/.test(process.argv[1])) {
  run(process.argv.slice(2)).then((code) => process.exit(code));
}
