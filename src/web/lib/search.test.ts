import { describe, expect, it } from 'vitest';
import { parseFilters } from './filters.ts';
import { parseSearchTerm, searchSummary, searchTermProblem, searchToLocation } from './search.ts';

describe('case search in the URL', () => {
  it('reads a trimmed term the server accepts, or none', () => {
    expect(parseSearchTerm('?q=%20north%20gate%20')).toBe('north gate');
    expect(parseSearchTerm('?q=a')).toBeNull();
    expect(parseSearchTerm(`?q=${'a'.repeat(201)}`)).toBeNull();
    expect(parseSearchTerm('?status=closed')).toBeNull();
  });

  it('puts the term after the filters, which still parse back', () => {
    const location = searchToLocation({ status: 'closed', order: 'newest' }, ' gate & fence ');
    expect(location).toBe('?status=closed&order=newest&q=gate+%26+fence');
    expect(parseSearchTerm(location)).toBe('gate & fence');
    expect(parseFilters(location)).toEqual({ status: 'closed', order: 'newest' });
    expect(searchToLocation({}, null)).toBe('');
    expect(searchToLocation({}, '  ')).toBe('');
  });

  it('says why a term cannot be searched for', () => {
    expect(searchTermProblem(' a ')).toBe('Enter at least 2 characters to search.');
    expect(searchTermProblem('ab')).toBeNull();
    expect(searchTermProblem('a'.repeat(201))).toBe('Search for at most 200 characters.');
  });

  it('summarises what was found and how many cases were searched', () => {
    expect(searchSummary(0, 40)).toBe('No cases found; searched 40 cases.');
    expect(searchSummary(1, 1)).toBe('1 case found; searched 1 case.');
    expect(searchSummary(3, 120)).toBe('3 cases found; searched 120 cases.');
  });
});

describe('searchSummary in other languages', () => {
  it('counts with each language’s plural forms', async () => {
    const { i18n } = await import('../i18n/language.ts');
    try {
      await i18n.changeLanguage('zh-CN');
      expect(searchSummary(3, 120)).toBe('找到 3 个案件；共搜索 120 个案件。');
      await i18n.changeLanguage('ar');
      expect(searchSummary(2, 11)).toBe('عُثر على قضيتين؛ جرى البحث في 11 قضية.');
      expect(searchSummary(0, 1)).toBe('لم يُعثر على أي قضية؛ جرى البحث في قضية واحدة.');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
