/**
 * Statistics for supervisors and administrators: reports per week by category and by channel, handling times,
 * the share acknowledged in time and the cases overdue now. The range lives in the URL (`?from=…&to=…`), so a
 * view can be bookmarked and the back button works; without one the server shows the last 12 weeks.
 */
import { useTranslation } from 'react-i18next';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Statistics } from '../../shared/api.ts';
import { useApi } from '../api/context.ts';
import { toQueryString } from '../api/staff.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { Section } from '../components/Section.tsx';
import { WeeklyChart } from '../components/charts/WeeklyChart.tsx';
import {
  formatDuration,
  formatNumber,
  formatShare,
  rangeProblem,
  seriesByCategory,
  seriesByChannel,
} from '../lib/series.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useStatistics } from '../hooks/useStatistics.ts';
import { formatCalendarDate } from '../lib/format.ts';
import { navigate } from '../router/history.ts';
import { statisticsPath } from '../router/routes.ts';

export function StatisticsPage({ search }: { search: string }) {
  const params = new URLSearchParams(search);
  const from = params.get('from') || undefined;
  const to = params.get('to') || undefined;
  const stats = useStatistics({ from, to });
  const { data } = stats;
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('statisticsPage.heading'));

  const status =
    stats.phase === 'loading'
      ? t('statisticsPage.loading')
      : data
        ? t('statisticsPage.showing', {
            from: formatCalendarDate(data.from, i18n.language),
            to: formatCalendarDate(data.to, i18n.language),
          })
        : '';

  return (
    <>
      <PageHeading>{t('statisticsPage.heading')}</PageHeading>
      <p className="hint">{t('statisticsPage.intro')}</p>
      <RangeForm applied={data ? { from: data.from, to: data.to } : { from: from ?? '', to: to ?? '' }} />
      <p role="status" className="list-summary">
        {status}
      </p>
      <ErrorMessage message={stats.error?.message} />
      {data ? <Results data={data} /> : null}
    </>
  );
}

/** The date range; "Show statistics" puts it in the URL, which loads it. */
function RangeForm({ applied }: { applied: { from: string; to: string } }) {
  const { t } = useTranslation();
  const id = useId();
  const [from, setFrom] = useState(applied.from);
  const [to, setTo] = useState(applied.to);
  const [problem, setProblem] = useState<ReturnType<typeof rangeProblem>>(null);
  const fromRef = useRef<HTMLInputElement>(null);
  const toRef = useRef<HTMLInputElement>(null);

  // The range shown changed (a new answer, or back and forward): the fields follow it.
  useEffect(() => {
    setFrom(applied.from);
    setTo(applied.to);
    setProblem(null);
  }, [applied.from, applied.to]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = rangeProblem(from, to);
    setProblem(found);
    if (found) {
      (found.field === 'from' ? fromRef : toRef).current?.focus();
      return;
    }
    navigate(statisticsPath(toQueryString({ from, to })));
  }

  const errorId = `${id}-error`;
  const invalid = (field: 'from' | 'to') =>
    problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};

  return (
    <form aria-label={t('statisticsPage.range')} className="filters" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('statisticsPage.from')}</label>
        <input
          ref={fromRef}
          id={`${id}-from`}
          name="from"
          type="date"
          value={from}
          max={to || undefined}
          onChange={(e) => setFrom(e.target.value)}
          {...invalid('from')}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('statisticsPage.to')}</label>
        <input
          ref={toRef}
          id={`${id}-to`}
          name="to"
          type="date"
          value={to}
          min={from || undefined}
          onChange={(e) => setTo(e.target.value)}
          {...invalid('to')}
        />
      </div>
      <button type="submit" className="button">
        {t('statisticsPage.show')}
      </button>
      <div id={errorId} className="filters-error">
        <ErrorMessage message={problem?.message} />
      </div>
    </form>
  );
}

function Results({ data }: { data: Statistics }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const api = useApi();
  const byCategory = useMemo(() => seriesByCategory(data), [data]);
  const byChannel = useMemo(() => seriesByChannel(data), [data]);
  const nothing = t('statisticsPage.nothing');
  const hoursDetail = (hours: number | null): string | undefined =>
    hours === null ? undefined : t('statisticsPage.hoursFromReceipt', { hours });

  return (
    <>
      <Section title={t('statisticsPage.figures')}>
        <dl className="facts">
          <Figure term={t('statisticsPage.received')} value={formatNumber(data.total, locale)} />
          <Figure
            term={t('statisticsPage.medianAcknowledge')}
            value={data.medianHoursToAcknowledge === null ? nothing : formatDuration(data.medianHoursToAcknowledge)}
            detail={hoursDetail(data.medianHoursToAcknowledge)}
          />
          <Figure
            term={t('statisticsPage.medianClose')}
            value={data.medianHoursToClose === null ? nothing : formatDuration(data.medianHoursToClose)}
            detail={hoursDetail(data.medianHoursToClose)}
          />
          <Figure
            term={t('statisticsPage.acknowledged')}
            value={
              data.acknowledgedWithinDeadline === null ? nothing : formatShare(data.acknowledgedWithinDeadline, locale)
            }
            detail={t('statisticsPage.acknowledgedDetail')}
          />
          <Figure
            term={t('statisticsPage.overdue')}
            value={formatNumber(data.overdueNow, locale)}
            detail={t('statisticsPage.overdueDetail')}
          />
        </dl>
        <p>
          <a
            className="button button--secondary"
            href={api.statisticsCsvUrl({ from: data.from, to: data.to })}
            download
          >
            {t('statisticsPage.csv')}
          </a>
        </p>
      </Section>
      {data.total === 0 ? (
        <p>{t('statisticsPage.noReports')}</p>
      ) : (
        <>
          <Section title={t('statisticsPage.byCategory')}>
            <WeeklyChart
              title={t('statisticsPage.byCategory')}
              seriesName={t('statisticsPage.category')}
              data={byCategory}
            />
          </Section>
          <Section title={t('statisticsPage.byChannel')}>
            <WeeklyChart
              title={t('statisticsPage.byChannel')}
              seriesName={t('statisticsPage.channel')}
              data={byChannel}
            />
          </Section>
        </>
      )}
    </>
  );
}

function Figure({ term, value, detail }: { term: string; value: string; detail?: string | undefined }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <span className="figure-value">{value}</span>
        {detail ? <span className="figure-detail">{detail}</span> : null}
      </dd>
    </div>
  );
}
