/** The case list's filters, kept in the URL query so a filtered list can be bookmarked, shared and reloaded. */
import type { z } from 'zod';
import { CaseStatus, Channel, type CaseListQuery } from '../../shared/api.ts';

export type CaseFilters = Pick<z.input<typeof CaseListQuery>, 'status' | 'category' | 'channel'>;

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
  return filters;
}

/** The query string for the filters, in a fixed order: `?status=…&category=…&channel=…`, or '' for none. */
export function filtersToSearch(filters: CaseFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.category) params.set('category', filters.category);
  if (filters.channel) params.set('channel', filters.channel);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasFilters(filters: CaseFilters): boolean {
  return Boolean(filters.status || filters.category || filters.channel);
}
