/** The final table: p50/p95/p99 per size, database and case, the goal on p95 and pass/fail. */
import type { ScenarioResult } from './measure.ts';

export interface Row {
  cases: number;
  dialect: string;
  result: ScenarioResult;
  /** the most p95 may be, in ms; undefined where no goal applies */
  goalMs: number | undefined;
}

const ms = (x: number) => x.toFixed(1);

export function resultTable(rows: Row[]): string {
  const pass = (r: Row) => (r.goalMs === undefined ? undefined : r.result.latency.p95 < r.goalMs);
  const cells = [
    ['cases', 'database', 'case', 'items', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'goal p95', 'result'],
    ...rows.map((r) => [
      r.cases.toLocaleString('en'),
      r.dialect,
      r.result.label,
      String(r.result.items),
      String(r.result.latency.count),
      ms(r.result.latency.p50),
      ms(r.result.latency.p95),
      ms(r.result.latency.p99),
      ms(r.result.latency.max),
      r.goalMs === undefined ? '–' : `< ${r.goalMs} ms`,
      pass(r) === undefined ? 'info' : pass(r) ? 'pass' : 'FAIL',
    ]),
  ];
  const right = new Set([0, 3, 4, 5, 6, 7, 8]);
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
  const missed = rows.filter((r) => pass(r) === false);
  out.push(
    missed.length === 0
      ? 'All goals met.'
      : `GOALS MISSED: ${missed
          .map(
            (r) =>
              `${r.dialect} ${r.cases.toLocaleString('en')} ${r.result.label} (p95 ${ms(r.result.latency.p95)} ms ≥ ${r.goalMs})`,
          )
          .join('; ')}`,
  );
  return out.join('\n');
}
