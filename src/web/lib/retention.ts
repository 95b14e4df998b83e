/** What the Retention section says about a case, in plain words. */
import type { RetentionView } from '../../shared/retention.ts';
import { formatDateTime } from './format.ts';

/** "1,095 days (about 3 years)"; "60 days". */
export function formatRetentionDays(days: number, locale?: string): string {
  const n = new Intl.NumberFormat(locale).format(days);
  const years = days / 365;
  if (days < 365 || Math.abs(years - Math.round(years)) > 0.05) return `${n} days`;
  const y = Math.round(years);
  return `${n} days (about ${y} year${y === 1 ? '' : 's'})`;
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
      `On legal hold since ${format(view.legalHold.since)}: the case is kept, whatever its retention, until the hold is lifted.`,
      ...(view.retentionEndsAt ? [`Its retention ends ${format(view.retentionEndsAt)}.`] : []),
    ];
  if (view.status !== 'closed')
    return [
      view.retentionDays === null
        ? 'Its category has no retention period: once closed, the case is kept until it is deleted.'
        : `Once the case is closed it is kept for ${formatRetentionDays(view.retentionDays, locale)}, then destroyed: its text, files and every key that opens them.`,
    ];
  if (!view.retentionEndsAt || !view.destroyAfter)
    return ['Its category has no retention period: the case is kept until it is deleted.'];
  return [
    `Retention ends ${format(view.retentionEndsAt)}. The case will then be destroyed — its text, files and every key that opens them — on ${format(view.destroyAfter)} or soon after.`,
    view.remindedAt
      ? `Its managers were reminded on ${format(view.remindedAt)}.`
      : 'Its managers are reminded before that, so that a legal hold can still be set.',
  ];
}
