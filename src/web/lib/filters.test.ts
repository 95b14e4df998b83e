import { describe, expect, it } from 'vitest';
import { filtersToSearch, hasFilters, parseFilters } from './filters.ts';

describe('case list filters in the URL', () => {
  it('reads known values and drops unknown ones', () => {
    expect(parseFilters('?status=assessing&category=espionage&channel=phone')).toEqual({
      status: 'assessing',
      category: 'espionage',
      channel: 'phone',
    });
    expect(parseFilters('?status=lost&channel=pigeon&category=')).toEqual({});
    expect(parseFilters('')).toEqual({});
  });

  it('writes them back in a fixed order and round-trips', () => {
    const filters = { channel: 'web', status: 'closed', category: 'a b&c' } as const;
    const search = filtersToSearch(filters);
    expect(search).toBe('?status=closed&category=a+b%26c&channel=web');
    expect(parseFilters(search)).toEqual(filters);
    expect(filtersToSearch({})).toBe('');
  });

  it('round-trips the label, urgent and order parameters after the others', () => {
    const filters = { order: 'newest', urgent: 'true', label: 'site B', status: 'received' } as const;
    const search = filtersToSearch(filters);
    expect(search).toBe('?status=received&label=site+B&urgent=true&order=newest');
    expect(parseFilters(search)).toEqual(filters);
    expect(parseFilters('?urgent=false')).toEqual({ urgent: 'false' });
    expect(filtersToSearch({ unread: 'true', urgent: 'true' })).toBe('?urgent=true&unread=true');
    expect(parseFilters('?unread=true')).toEqual({ unread: 'true' });
    expect(parseFilters('?unread=yes')).toEqual({});
  });

  it('keeps triage order out of the URL, as the default', () => {
    expect(parseFilters('?order=queue')).toEqual({});
    expect(filtersToSearch({ order: 'queue' })).toBe('');
    expect(parseFilters('?order=oldest&urgent=yes')).toEqual({});
  });

  it('trims the label and drops one the server would refuse', () => {
    expect(parseFilters('?label=%20fraud%20')).toEqual({ label: 'fraud' });
    expect(parseFilters('?label=%20%20')).toEqual({});
    expect(parseFilters(`?label=${'x'.repeat(61)}`)).toEqual({});
    expect(parseFilters(`?label=${'x'.repeat(60)}`)).toEqual({ label: 'x'.repeat(60) });
  });

  it('tells whether any filter is set; the order is no filter', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ order: 'newest' })).toBe(false);
    expect(hasFilters({ channel: 'post' })).toBe(true);
    expect(hasFilters({ label: 'fraud' })).toBe(true);
    expect(hasFilters({ urgent: 'false' })).toBe(true);
  });
});
