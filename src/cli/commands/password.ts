/** Reads a password: from standard input when it is piped (first line), or from a prompt that does not echo. */
import readline from 'node:readline';
import type { Io } from './command.ts';

export async function readPassword(io: Io, prompt: string): Promise<string> {
  if (!io.stdin.isTTY) {
    let data = '';
    for await (const chunk of io.stdin) data += String(chunk);
    return data.split(/\r?\n/)[0] ?? '';
  }
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: io.stdin, output: io.err, terminal: true });
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.startsWith(q)) write.call(rl, q);
      };
      rl.question(q, (answer) => {
        rl.close();
        io.err.write('\n');
        resolve(answer);
      });
    });
  const first = await ask(prompt);
  const again = await ask('Repeat the password: ');
  if (first !== again) throw new Error('The two passwords differ. Nothing was changed.');
  return first;
}
