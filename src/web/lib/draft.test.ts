import { describe, expect, it } from 'vitest';
import { fieldDomId, getIn, moved, problemsAt, setIn, suggestId, textIn, withText } from './draft.ts';

describe('editing a profile source', () => {
  it('replaces a value deep in a source without touching the original', () => {
    const source = { categories: [{ id: 'a', fields: [{ label: 'x' }] }] };
    const next = setIn(source, ['categories', 0, 'fields', 0, 'label'], 'y');
    expect(getIn(next, ['categories', 0, 'fields', 0, 'label'])).toBe('y');
    expect(source.categories[0]!.fields[0]!.label).toBe('x');
    expect(setIn({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
  });

  it('keeps one wording per language once the profile publishes several', () => {
    expect(withText('Hello', 'zh-CN', '你好', ['en', 'zh-CN'])).toEqual({ en: 'Hello', 'zh-CN': '你好' });
    expect(withText({ en: 'a', 'zh-CN': 'b' }, 'en', 'c', ['en', 'zh-CN'])).toEqual({ en: 'c', 'zh-CN': 'b' });
    expect(withText('a', 'en', 'b', ['en'])).toBe('b');
    expect(textIn('Hello', 'zh-CN', 'en')).toBe('');
  });

  it('finds the problems inside a path, and suggests ids from labels', () => {
    const problems = [
      { path: 'categories[1].title["zh-CN"]', message: 'm1' },
      { path: 'categories[10].title', message: 'm2' },
    ];
    expect(problemsAt(problems, ['categories', 1]).map((p) => p.message)).toEqual(['m1']);
    expect(fieldDomId('categories[1].title["zh-CN"]')).toBe('edit-categories-1-title-zh-CN-');
    expect(suggestId('When did it happen?', '_', [])).toBe('when_did_it_happen');
    expect(suggestId('当时发生了什么', '_', ['question'])).toBe('question_2');
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
  });
});
