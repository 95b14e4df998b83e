/** The case list's filters and order, kept in the URL query so a list can be bookmarked, shared and reloaded. */
import type { z } from 'zod';
import { CaseStatus, Channel, type CaseListQuery } from '../../shared/api.ts';

export type CaseFilters = Pick<
  z.input<typeof CaseListQuery>,
  'status' | 'category' | 'channel' | 'label' | 'urgent' | 'unread' | 'order'
>;

/** Reads the filters from a query string; unknown values are dropped rather than sent to the server. */
export function parseFilters(search: string): CaseFilters {
  const params = new URLSearchParams(search);
  const filters: CaseFilters = {};
  const status = CaseStatus.safeParse(params.get('status'));
  if (status.success) filters.status = status.data;
  const category = params.get('category');
  if (category && category.length <= 100) filters.category = category;
  const channel = Channel.safeParse(params.get('channel'));
  if (channel.success) filters.channel = channel.data;
  const label = params.get('label')?.trim();
  if (label && label.length <= 60) filters.label = label;
  const urgent = params.get('urgent');
  if (urgent === 'true' || urgent === 'false') filters.urgent = urgent;
  if (params.get('unread') === 'true') filters.unread = 'true';
  // Triage order is the default, so only "newest" is written to (and read from) the URL.
  if (params.get('order') === 'newest') filters.order = 'newest';
  return filters;
}

/**
 * The query string for the filters, in a fixed order: `?status=…&category=…&channel=…&label=…&urgent=…&unread=…&order=…`,
 * or '' for none.
 */
export function filtersToSearch(filters: CaseFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.category) params.set('category', filters.category);
  if (filters.channel) params.set('channel', filters.channel);
  if (filters.label) params.set('label', filters.label);
  if (filters.urgent) params.set('urgent', filters.urgent);
  if (filters.unread) params.set('unread', filters.unread);
  if (filters.order === 'newest') params.set('order', 'newest');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Whether any filter narrows the list (the order does not). */
export function hasFilters(filters: CaseFilters): boolean {
  return Boolean(
    filters.status || filters.category || filters.channel || filters.label || filters.urgent || filters.unread,
  );
}
