/**
 * Clean-up that runs once, at the end or on Ctrl-C: servers closed, temp folders removed, a running load stopped.
 * Tasks run newest first; a failing task is reported and the others still run.
 */
type Task = () => unknown;

const tasks: { name: string; run: Task }[] = [];
let running: Promise<void> | undefined;
const interruption = new AbortController();

/** Aborted on Ctrl-C: phases check it and stop early. */
export const interrupted: AbortSignal = interruption.signal;

/** @returns a function that removes the task (when it has been done in the normal course) */
export function onCleanup(name: string, run: Task): () => void {
  const entry = { name, run };
  tasks.push(entry);
  return () => {
    const i = tasks.indexOf(entry);
    if (i >= 0) tasks.splice(i, 1);
  };
}

export function cleanup(): Promise<void> {
  running ??= (async () => {
    while (tasks.length > 0) {
      const task = tasks.pop()!;
      try {
        await task.run();
      } catch (error) {
        console.error(`clean-up "${task.name}" failed: ${(error as Error).message}`);
      }
    }
  })();
  return running;
}

/**
 * Ctrl-C (or SIGTERM) cleans up and exits 130. Repeats within 3 s are ignored (the terminal signals the whole
 * process group and tsx relays the same signal again); a Ctrl-C after that exits at once.
 */
export function cleanUpOnSignals(): void {
  let first: number | undefined;
  const handler = (signal: NodeJS.Signals) => {
    if (first !== undefined) {
      if (Date.now() - first > 3000) process.exit(130);
      return;
    }
    first = Date.now();
    interruption.abort();
    console.error(`\n${signal}: stopping and cleaning up…`);
    void cleanup().then(() => {
      console.error('cleaned up: servers closed, temp data folder removed');
      process.exit(130);
    });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
