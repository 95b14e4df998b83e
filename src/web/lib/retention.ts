/** What the Retention section says about a case, in plain words. */
import type { RetentionView } from '../../shared/retention.ts';
import { i18n } from '../i18n/instance.ts';
import { displayLocale, formatDateTime } from './format.ts';

/** "1,095 days (about 3 years)"; "60 days" (in the workspace's language; `locale` formats the numbers). */
export function formatRetentionDays(days: number, locale: string = displayLocale()): string {
  const n = new Intl.NumberFormat(locale).format(days);
  const years = days / 365;
  if (days < 365 || Math.abs(years - Math.round(years)) > 0.05) return i18n.t('retention.days', { count: days, n });
  const y = Math.round(years);
  return i18n.t('retention.daysAndYears', { count: days, n, years: y, y: new Intl.NumberFormat(locale).format(y) });
}

/**
 * The sentences that say when the case will be destroyed, or what keeps it.
 * @param options.format shows an instant (the viewer's time zone by default); options.locale formats numbers
 */
export function retentionSummary(
  view: RetentionView,
  { format = formatDateTime, locale }: { format?: (iso: string) => string; locale?: string } = {},
): string[] {
  if (view.legalHold)
    return [
      i18n.t('retention.onHold', { since: format(view.legalHold.since) }),
      ...(view.retentionEndsAt ? [i18n.t('retention.endsAt', { date: format(view.retentionEndsAt) })] : []),
    ];
  if (view.status !== 'closed')
    return [
      view.retentionDays === null
        ? i18n.t('retention.noPeriodOpen')
        : i18n.t('retention.keptFor', { period: formatRetentionDays(view.retentionDays, locale) }),
    ];
  if (!view.retentionEndsAt || !view.destroyAfter) return [i18n.t('retention.noPeriodClosed')];
  return [
    i18n.t('retention.destroyOn', { ends: format(view.retentionEndsAt), destroy: format(view.destroyAfter) }),
    view.remindedAt ? i18n.t('retention.reminded', { date: format(view.remindedAt) }) : i18n.t('retention.willRemind'),
  ];
}
