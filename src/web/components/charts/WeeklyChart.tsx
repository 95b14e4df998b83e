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
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isLanguage, textDirection } from '../../../i18n/languages.ts';
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
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [tableShown, setTableShown] = useState(false);
  const tableId = useId();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    registerChartParts();
    const chart = new Chart(canvas, chartConfig(data, locale, t));
    return () => chart.destroy();
  }, [data, locale, t]);

  return (
    <figure className="chart-figure">
      <div className="chart">
        <canvas ref={canvasRef} role="img" aria-label={t('weeklyChart.canvas', { title })} />
      </div>
      <button
        type="button"
        className="button button--secondary"
        aria-controls={tableId}
        onClick={() => setTableShown((shown) => !shown)}
      >
        {t(tableShown ? 'weeklyChart.hide' : 'weeklyChart.show')}
        <span className="visually-hidden"> {t('weeklyChart.ofTitle', { title })}</span>
      </button>
      {/* Shown, a wide table scrolls in its own box, which keyboard users can focus and scroll. */}
      <div
        id={tableId}
        className={tableShown ? 'table-scroll chart-table' : 'visually-hidden'}
        {...(tableShown ? { role: 'region', 'aria-label': t('weeklyChart.table', { title }), tabIndex: 0 } : {})}
      >
        <table className="cases">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('weeklyChart.week')}</th>
              {data.series.map((s) => (
                <th scope="col" key={s.key}>
                  <span className="visually-hidden">{seriesName}: </span>
                  {s.label}
                </th>
              ))}
              <th scope="col">{t('weeklyChart.total')}</th>
            </tr>
          </thead>
          <tbody>
            {data.weeks.map((week, i) => (
              <tr key={week}>
                <th scope="row">{formatCalendarDate(week, locale)}</th>
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

/** @param locale the workspace's language: axis dates, and right-to-left legend and tooltips for Arabic */
function chartConfig(data: WeeklySeries, locale: string, t: TFunction): ChartConfiguration<'bar'> {
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const rtl = isLanguage(locale) && textDirection(locale) === 'rtl';
  const text = '#1b1f24';
  return {
    type: 'bar',
    data: {
      labels: weekLabels(data.weeks, locale),
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
      locale,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', rtl, labels: { color: text } },
        tooltip: {
          rtl,
          callbacks: {
            footer: (items) =>
              t('weeklyChart.totalTooltip', {
                total: new Intl.NumberFormat(locale).format(items.reduce((sum, item) => sum + (item.parsed.y ?? 0), 0)),
              }),
          },
        },
      },
      scales: {
        x: { stacked: true, reverse: rtl, ticks: { color: text } },
        y: {
          stacked: true,
          position: rtl ? 'right' : 'left',
          beginAtZero: true,
          ticks: { color: text, precision: 0 },
          title: { display: true, text: t('weeklyChart.reports'), color: text },
        },
      },
    },
  };
}
