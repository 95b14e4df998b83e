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

  it('tells whether any filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ channel: 'post' })).toBe(true);
  });
});
