/**
 * Runs a library call whose authors print to the console, keeping what it prints out of the process's output:
 * pdf-lib warns with `console.warn` about every object of a damaged PDF it cannot parse (148 plain lines in one run,
 * in the middle of the JSON log on stdout) and has no option to stop it.
 *
 * While at least one such call runs, the console's methods are wrappers: what the call's own asynchronous context
 * prints goes to its `sink`; anything else — other requests running meanwhile — goes to the original method
 * unchanged. When the last call ends the original methods are put back, so nothing outlives the calls.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';

const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;
type Method = (typeof METHODS)[number];
type Print = (...args: unknown[]) => void;

const context = new AsyncLocalStorage<(line: string) => void>();
let running = 0;
let installed: { method: Method; original: Print; wrapper: Print }[] = [];

function install(): void {
  installed = METHODS.map((method) => {
    const original = console[method] as Print;
    const wrapper: Print = (...args) => {
      const sink = context.getStore();
      if (sink) sink(format(...args));
      else original.apply(console, args);
    };
    console[method] = wrapper;
    return { method, original, wrapper };
  });
}

function uninstall(): void {
  // A method someone else replaced meanwhile (a test's spy) is theirs to put back.
  for (const { method, original, wrapper } of installed) if (console[method] === wrapper) console[method] = original;
  installed = [];
}

/**
 * Runs `run`, handing each line it prints to the console (formatted as console.log would) to `sink` instead.
 * @returns what `run` returns; rejects as it does
 */
export async function withConsoleCaptured<T>(sink: (line: string) => void, run: () => Promise<T>): Promise<T> {
  if (running++ === 0) install();
  try {
    return await context.run(sink, run);
  } finally {
    if (--running === 0) uninstall();
  }
}
