/** The final table: each metric with its ceiling measured in the same run, the ratio, the goal and pass/fail. */
export interface Metric {
  metric: string;
  /** per second */
  value: number;
  ceilingName: string;
  /** per second, measured in the same run */
  ceiling: number;
  /** minimum ratio value/ceiling; none for a row that only helps read another */
  goal?: number;
  /** anomalies worth reading (non-2xx answers, errors) */
  notes: string[];
}

export interface Scored extends Metric {
  ratio: number;
  /** undefined for a row without a goal */
  pass: boolean | undefined;
}

export function score(m: Metric): Scored {
  const ratio = m.ceiling > 0 ? m.value / m.ceiling : 0;
  return { ...m, ratio, pass: m.goal === undefined ? undefined : ratio >= m.goal };
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));

export function table(rows: Scored[]): string {
  const cells = [
    ['metric', 'value', 'ceiling', 'ratio', 'goal', 'result'],
    ...rows.map((r) => [
      r.metric,
      fmt(r.value),
      `${fmt(r.ceiling)} (${r.ceilingName})`,
      r.ratio.toFixed(2),
      r.goal === undefined ? '–' : `≥ ${r.goal}`,
      r.pass === undefined ? 'info' : r.pass ? 'pass' : 'FAIL',
    ]),
  ];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => (i === 1 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
  for (const r of rows) for (const note of r.notes) out.push(`note (${r.metric}): ${note}`);
  const missed = rows.filter((r) => r.pass === false);
  out.push(
    missed.length === 0
      ? 'All goals met.'
      : `GOALS MISSED: ${missed.map((r) => `${r.metric} (ratio ${r.ratio.toFixed(2)} < ${r.goal!})`).join('; ')}`,
  );
  return out.join('\n');
}
