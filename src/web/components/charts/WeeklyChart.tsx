/**
 * A stacked bar chart of reports per week (chart.js on a canvas), with the same numbers in a table: hidden
 * visually but read by screen readers, and shown on request for anyone who wants the exact figures by keyboard.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useId, useRef, useState } from 'react';
import { formatCalendarDate } from '../../lib/format.ts';
import { colourOf, weekLabels, type WeeklySeries } from '../../lib/series.ts';
import './charts.css';

let registered = false;
/** Only the parts drawn here, so the bundle leaves out the other chart types. */
function registerChartParts(): void {
  if (registered) return;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
  registered = true;
}

interface Props {
  /** Names the chart, its table and its button, e.g. "Reports per week by category". */
  title: string;
  /** Header of the table's series columns, e.g. "Category". */
  seriesName: string;
  data: WeeklySeries;
}

export function WeeklyChart({ title, seriesName, data }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [tableShown, setTableShown] = useState(false);
  const tableId = useId();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    registerChartParts();
    const chart = new Chart(canvas, chartConfig(data));
    return () => chart.destroy();
  }, [data]);

  return (
    <figure className="chart-figure">
      <div className="chart">
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`${title}: a stacked bar chart. The table that follows has the same numbers.`}
        />
      </div>
      <button
        type="button"
        className="button button--secondary"
        aria-controls={tableId}
        onClick={() => setTableShown((shown) => !shown)}
      >
        {tableShown ? 'Hide table' : 'Show table'}
        <span className="visually-hidden"> of {title.toLowerCase()}</span>
      </button>
      {/* Shown, a wide table scrolls in its own box, which keyboard users can focus and scroll. */}
      <div
        id={tableId}
        className={tableShown ? 'table-scroll chart-table' : 'visually-hidden'}
        {...(tableShown ? { role: 'region', 'aria-label': `${title}, table`, tabIndex: 0 } : {})}
      >
        <table className="cases">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Week starting</th>
              {data.series.map((s) => (
                <th scope="col" key={s.key}>
                  <span className="visually-hidden">{seriesName}: </span>
                  {s.label}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {data.weeks.map((week, i) => (
              <tr key={week}>
                <th scope="row">{formatCalendarDate(week)}</th>
                {data.series.map((s) => (
                  <td key={s.key}>{s.values[i]}</td>
                ))}
                <td>{data.totals[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function chartConfig(data: WeeklySeries): ChartConfiguration<'bar'> {
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const text = '#1b1f24';
  return {
    type: 'bar',
    data: {
      labels: weekLabels(data.weeks),
      datasets: data.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: colourOf(i),
        borderColor: '#ffffff',
        borderWidth: 1,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reduceMotion ? false : { duration: 300 },
      color: text,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { color: text } },
        tooltip: {
          callbacks: { footer: (items) => `Total: ${items.reduce((sum, item) => sum + (item.parsed.y ?? 0), 0)}` },
        },
      },
      scales: {
        x: { stacked: true, ticks: { color: text } },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { color: text, precision: 0 },
          title: { display: true, text: 'Reports', color: text },
        },
      },
    },
  };
}
