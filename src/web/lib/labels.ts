/**
 * Plain-language labels for the API's enumerations, in the workspace's current language (catalogue keys under
 * `labels.*` in locales/<language>/workspace.json). Each function returns the label of one value.
 */
import type { z } from 'zod';
import type { Channel, CaseStatus, ExclusionReason, LinkKind, Outcome, RiskLevel, Role } from '../../shared/api.ts';
import { i18n } from '../i18n/instance.ts';

/** "Received", "Investigating", … */
export function statusLabel(status: CaseStatus): string {
  return i18n.t(`labels.status.${status}`);
}

/** "Substantiated", "Insufficient information", … */
export function outcomeLabel(outcome: Outcome): string {
  return i18n.t(`labels.outcome.${outcome}`);
}

/** "Web form", "Phone", … */
export function channelLabel(channel: Channel): string {
  return i18n.t(`labels.channel.${channel}`);
}

/** "Handler", "Identity custodian", … */
export function roleLabel(role: Role): string {
  return i18n.t(`labels.role.${role}`);
}

/** "Low", "Moderate", "High". */
export function riskLabel(risk: RiskLevel): string {
  return i18n.t(`labels.risk.${risk}`);
}

/** "Named in the report", "Conflict of interest", "Other". */
export function exclusionReasonLabel(reason: z.output<typeof ExclusionReason>): string {
  return i18n.t(`labels.exclusionReason.${reason}`);
}

/** "Duplicate", "Related". */
export function linkKindLabel(kind: z.output<typeof LinkKind>): string {
  return i18n.t(`labels.linkKind.${kind}`);
}

/** "Triage order", "Newest first". */
export function orderLabel(order: 'queue' | 'newest'): string {
  return i18n.t(`labels.order.${order}`);
}

/** A record whose every property reads the current translation (for screens that index a map by value). */
function translatedRecord<K extends string>(
  keys: readonly K[],
  label: (key: K) => string,
): Readonly<Record<K, string>> {
  const record = {} as Record<K, string>;
  for (const key of keys) Object.defineProperty(record, key, { get: () => label(key), enumerable: true });
  return record;
}

/** Role labels by role, translated when read; prefer `roleLabel`. */
export const ROLE_LABELS = translatedRecord<Role>(
  ['administrator', 'supervisor', 'handler', 'custodian', 'oversight', 'operator'],
  roleLabel,
);

/** Channel labels by channel, translated when read; prefer `channelLabel`. */
export const CHANNEL_LABELS = translatedRecord<Channel>(
  ['web', 'phone', 'post', 'email', 'in_person', 'referral'],
  channelLabel,
);
